using System.CommandLine;

namespace Rapport.Cli.Commands;

/// <summary>Options several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<string?> Input(string description) => new("--input", "-i") { Description = description, HelpName = "FILE" };

    public static Option<bool> Progress() => new("--progress")
    {
        Description = $"Show progress on stderr even when it is not a terminal (inputs over {Output.ProgressReporter.ShowAfterLines:N0} lines).",
    };

    /// <summary><c>--customer</c>: the conversation so far (review, compose).</summary>
    public static Option<string[]> Customer() => new("--customer", "-c")
    {
        Description = "A message the customer wrote (repeat for several, oldest first).",
        HelpName = "TEXT",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> CustomerName() => new("--name") { Description = "The customer's name.", HelpName = "NAME" };

    public static Option<string?> AgentName() => new("--agent") { Description = "The agent's name.", HelpName = "NAME" };

    public static Option<bool?> AtFault(string description) => new("--at-fault") { HelpName = "true|false", Description = description };

    /// <summary>A required non-blank text value, or a usage error naming the option.</summary>
    public static string RequireText(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new CliException($"{option} is required and must not be empty") : value;
}
