using System.CommandLine;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Rendering;
using Rapport.Core.Coaching;

namespace Rapport.Cli.Commands;

/// <summary><c>rapport review</c>: scores an agent's reply for empathy, practice by practice.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext context)
    {
        var customer = CommonOptions.Customer();
        var reply = new Option<string?>("--reply", "-r") { Description = "The agent's reply to review.", HelpName = "TEXT" };
        var name = CommonOptions.CustomerName();
        var agent = CommonOptions.AgentName();
        var atFault = CommonOptions.AtFault("Whether the company is at fault (true|false); inferred from the customer's messages when omitted.");
        var input = CommonOptions.Input("Review every line of FILE ('-' for stdin), JSON lines: {\"customer\": \"...\" or [\"...\"], \"reply\": \"...\", \"name\", \"agent\", \"atFault\", \"id\"}.");
        var json = CommonOptions.Json("Print one JSON object per review: score, findings, mechanisms, customer reading.");
        var progress = CommonOptions.Progress();
        var command = new Command("review", "Review an agent's reply for empathy: a 0–100 score, a finding per practice with suggestions, and the EPITOME mechanisms.")
        {
            customer, reply, name, agent, atFault, input, json, progress,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var customers = parseResult.GetValue(customer) ?? [];
            var replyText = parseResult.GetValue(reply);
            var inputPath = parseResult.GetValue(input);
            if (inputPath is not null)
            {
                if (customers.Length > 0 || replyText is not null)
                {
                    throw new CliException("give either --input or --customer/--reply, not both");
                }

                return ReviewFileAsync(context, inputPath, parseResult.GetValue(json), parseResult.GetValue(progress), cancellationToken);
            }

            if (customers.Length == 0 || customers.All(string.IsNullOrWhiteSpace))
            {
                throw new CliException("--customer is required (or --input FILE)");
            }

            var reviewCase = new ReviewCase(
                0,
                CommonOptions.RequireText(replyText, "--reply"),
                new ReviewContext(customers, parseResult.GetValue(name), parseResult.GetValue(agent), parseResult.GetValue(atFault)));
            return Task.FromResult(ReviewOne(context, reviewCase, parseResult.GetValue(json)));
        });
        return command;
    }

    private static int ReviewOne(CliContext context, ReviewCase reviewCase, bool json)
    {
        var review = EmpathyCoach.Default.Review(reviewCase.Reply, reviewCase.Context);
        if (json)
        {
            JsonOutput.WriteLine(context.Output, writer => ReviewJson.Write(writer, review, reviewCase.Reply));
        }
        else
        {
            ReviewRenderer.RenderDetailed(Consoles.Create(context), review, bigScore: context.OutputIsTerminal);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ReviewFileAsync(CliContext context, string path, bool json, bool progress, CancellationToken cancellationToken)
    {
        var coach = EmpathyCoach.Default;
        using var source = new ReviewCaseReader(InputFiles.OpenLines(path, context));
        return await RecordOutput.RunAsync<ReviewCase, EmpathyReview>(
            context,
            source,
            item => coach.Review(item.Reply, item.Context),
            json,
            ProgressReporter.Create(context, progress, "review", source.Length),
            (writer, item, review) => ReviewJson.WriteProperties(writer, review, item.Reply),
            (console, _, review) => ReviewRenderer.RenderDetailed(console, review, bigScore: context.OutputIsTerminal),
            ReviewRenderer.RenderTable,
            cancellationToken).ConfigureAwait(false);
    }
}
