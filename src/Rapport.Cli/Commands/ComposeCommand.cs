using System.CommandLine;
using Rapport.Cli.Output;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport compose</c>: wraps the agent's core answer in an empathetic reply.</summary>
internal static class ComposeCommand
{
    public static Command Create(CliContext context)
    {
        var customer = CommonOptions.Customer();
        var answer = new Option<string?>("--answer", "-a") { Description = "The core answer: facts and instructions, kept verbatim.", HelpName = "TEXT" };
        var name = CommonOptions.CustomerName();
        var agent = CommonOptions.AgentName();
        var atFault = CommonOptions.AtFault("Whether the company is at fault (true|false); inferred when omitted.");
        var alternatives = new Option<string[]>("--alternative")
        {
            Description = "An alternative to offer (repeatable), kept verbatim.",
            HelpName = "TEXT",
            Arity = ArgumentArity.OneOrMore,
        };
        var followUp = new Option<string?>("--follow-up") { Description = "A follow-up or timeline to promise, e.g. \"by Friday\".", HelpName = "TEXT" };
        var seed = new Option<int>("--seed") { Description = "Chooses among phrasings; the same seed gives the same reply.", HelpName = "N" };
        var json = CommonOptions.Json("Print a JSON object: text, score and the full review.");
        var command = new Command("compose", "Compose an empathetic reply around the agent's answer (keeps every fact; adds acknowledgement, ownership, follow-up).")
        {
            customer, answer, name, agent, atFault, alternatives, followUp, seed, json,
        };
        command.SetAction(parseResult =>
        {
            var customers = parseResult.GetValue(customer) ?? [];
            if (customers.Length == 0 || customers.All(string.IsNullOrWhiteSpace))
            {
                throw new CliException("--customer is required");
            }

            var request = new ComposeRequest(
                CommonOptions.RequireText(parseResult.GetValue(answer), "--answer"),
                parseResult.GetValue(alternatives) is { Length: > 0 } given ? given : null,
                parseResult.GetValue(followUp),
                parseResult.GetValue(seed));
            var reviewContext = new ReviewContext(customers, parseResult.GetValue(name), parseResult.GetValue(agent), parseResult.GetValue(atFault));
            var reply = ReplyComposer.Default.Compose(reviewContext, request);
            if (parseResult.GetValue(json))
            {
                JsonOutput.WriteLine(context.Output, writer => ReviewJson.Write(writer, reply, withReview: true));
            }
            else
            {
                // The reply alone, so that it can be piped or pasted.
                context.Output.Text.WriteLine(reply.Text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
