using System.CommandLine;
using Rapport.Cli.Evaluation;
using Rapport.Cli.Output;
using Rapport.Cli.Rendering;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport eval</c>: measures the engine on labelled files in the formats of <c>../shared/data</c>: GoEmotions
/// TSV, VADER ground truth, EPITOME CSV. Each option may be repeated and combined with the others.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var goEmotions = FileOption("--goemotions", "GoEmotions TSV (text, comma-separated label ids, id): per-label P/R/F1 and macro-F1 in the Ekman, sentiment and 28-label schemes.");
        var labels = new Option<string?>("--goemotions-labels")
        {
            Description = "Label names for the GoEmotions ids, one per line (default: the 28 names of emotions.txt in standard order).",
            HelpName = "FILE",
        };
        var vader = FileOption("--vader", "VADER ground truth (id, mean rating -4..4, text): Pearson r of valence with the rating, and 3-class polarity F1 (valence ±0.05 against rating/4 ±0.05).");
        var epitome = FileOption("--epitome", "EPITOME CSV (seeker_post, response_post, ER_level, IP_level, EX_level): per-mechanism P/R/F1, macro-F1 and accuracy.");
        var json = CommonOptions.Json("Print the results as one JSON document.");
        var progress = CommonOptions.Progress();
        var command = new Command("eval", "Measure the engine on labelled data: precision, recall, F1, macro-F1, confusion, and valence correlation.")
        {
            goEmotions, labels, vader, epitome, json, progress,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(goEmotions) ?? [],
            parseResult.GetValue(labels),
            parseResult.GetValue(vader) ?? [],
            parseResult.GetValue(epitome) ?? [],
            parseResult.GetValue(json),
            parseResult.GetValue(progress),
            cancellationToken));
        return command;
    }

    private static Option<string[]> FileOption(string name, string description) => new(name)
    {
        Description = description + " Repeatable.",
        HelpName = "FILE",
        Arity = ArgumentArity.OneOrMore,
    };

    private static async Task<int> RunAsync(
        CliContext context,
        string[] goEmotionsFiles,
        string? labelsFile,
        string[] vaderFiles,
        string[] epitomeFiles,
        bool json,
        bool progress,
        CancellationToken cancellationToken)
    {
        if (goEmotionsFiles.Length + vaderFiles.Length + epitomeFiles.Length == 0)
        {
            throw new CliException("give at least one of --goemotions, --vader, --epitome");
        }

        var labelNames = labelsFile is null ? GoEmotionsEvaluation.DefaultLabels : GoEmotionsEvaluation.ReadLabelNames(labelsFile, context);
        var goEmotions = new List<GoEmotionsResult>();
        foreach (var file in goEmotionsFiles)
        {
            goEmotions.Add(await GoEmotionsEvaluation.EvaluateAsync(file, labelNames, context, progress, cancellationToken).ConfigureAwait(false));
        }

        var vader = new List<VaderResult>();
        foreach (var file in vaderFiles)
        {
            vader.Add(await VaderEvaluation.EvaluateAsync(file, context, progress, cancellationToken).ConfigureAwait(false));
        }

        var epitome = new List<EpitomeReport>();
        foreach (var file in epitomeFiles)
        {
            epitome.Add(EpitomeReport.Evaluate(file, context, cancellationToken));
        }

        if (json)
        {
            JsonOutput.WriteLine(context.Output, writer => EvalJson.Write(writer, goEmotions, vader, epitome), indented: true);
        }
        else
        {
            EvalRenderer.Render(Consoles.Create(context), goEmotions, vader, epitome);
        }

        return ExitCodes.Success;
    }
}
