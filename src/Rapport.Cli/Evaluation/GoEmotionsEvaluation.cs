using System.Globalization;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Processing;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Evaluation;

/// <summary>The engine measured on a GoEmotions file in three schemes.</summary>
/// <param name="File">The file, as named on the command line.</param>
/// <param name="Rows">Examples evaluated.</param>
/// <param name="Ekman">Ekman grouping + neutral (7 labels), multi-label; confusion of first labels.</param>
/// <param name="Sentiment">Sentiment grouping (positive, negative, ambiguous, neutral), multi-label; confusion of first labels.</param>
/// <param name="Fine">The 28 GoEmotions labels, multi-label.</param>
internal sealed record GoEmotionsResult(string File, int Rows, ClassificationReport Ekman, ClassificationReport Sentiment, ClassificationReport Fine);

/// <summary>One GoEmotions example: the text and its gold label ids.</summary>
internal sealed record GoEmotionsRow(int Line, string Text, int[] Labels) : ILineItem;

/// <summary>
/// Evaluates <see cref="EmotionAnalyzer"/> on GoEmotions TSV (text, comma-separated label ids, comment id), comparing
/// <see cref="EmotionReading.Ekman"/>, <see cref="EmotionReading.Sentiment"/> and <see cref="EmotionReading.GoEmotions"/>
/// with the gold labels grouped as in Demszky et al. (2020): each label is a binary decision per example.
/// </summary>
internal static class GoEmotionsEvaluation
{
    /// <summary>The 28 label names in GoEmotions' order (emotions.txt): label id i is DefaultLabels[i].</summary>
    public static readonly string[] DefaultLabels =
    [
        "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity", "desire",
        "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear", "gratitude", "grief", "joy",
        "love", "nervousness", "optimism", "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
    ];

    // GoEmotions' ekman_mapping.json and sentiment_dict.json; "neutral" maps to neutral in both.
    private static readonly Dictionary<string, EkmanEmotion> EkmanGroups = Groups(new Dictionary<EkmanEmotion, string[]>
    {
        [EkmanEmotion.Anger] = ["anger", "annoyance", "disapproval"],
        [EkmanEmotion.Disgust] = ["disgust"],
        [EkmanEmotion.Fear] = ["fear", "nervousness"],
        [EkmanEmotion.Joy] = ["joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism", "relief", "pride", "admiration", "desire", "caring"],
        [EkmanEmotion.Sadness] = ["sadness", "disappointment", "embarrassment", "grief", "remorse"],
        [EkmanEmotion.Surprise] = ["surprise", "realization", "confusion", "curiosity"],
        [EkmanEmotion.Neutral] = ["neutral"],
    });

    private static readonly Dictionary<string, Sentiment> SentimentGroups = Groups(new Dictionary<Sentiment, string[]>
    {
        [Sentiment.Positive] = ["amusement", "excitement", "joy", "love", "desire", "optimism", "caring", "pride", "admiration", "gratitude", "relief", "approval"],
        [Sentiment.Negative] = ["fear", "nervousness", "remorse", "embarrassment", "disappointment", "sadness", "grief", "disgust", "anger", "annoyance", "disapproval"],
        [Sentiment.Ambiguous] = ["realization", "surprise", "curiosity", "confusion"],
        [Sentiment.Neutral] = ["neutral"],
    });

    private static readonly string[] EkmanLabels = [.. Enum.GetValues<EkmanEmotion>().Select(e => e.Name())];
    private static readonly string[] SentimentLabels = [.. Enum.GetValues<Sentiment>().Select(s => s.Name())];

    /// <summary>The Ekman group of a fine label, if it has one.</summary>
    public static EkmanEmotion? EkmanOf(string label) => EkmanGroups.TryGetValue(label, out var group) ? group : null;

    /// <summary>The sentiment group of a fine label, if it has one.</summary>
    public static Sentiment? SentimentOf(string label) => SentimentGroups.TryGetValue(label, out var group) ? group : null;

    /// <summary>Reads label names, one per line (emotions.txt).</summary>
    public static string[] ReadLabelNames(string path, CliContext context)
    {
        using var lines = InputFiles.OpenLines(path, context);
        var names = new List<string>();
        while (lines.TryReadLine(out var line))
        {
            var name = lines.Decode(line).Trim();
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names.Count > 0 ? [.. names] : throw new CliException($"{path}: empty input (no label names)");
    }

    public static async Task<GoEmotionsResult> EvaluateAsync(
        string path, string[] labelNames, CliContext context, bool progress, CancellationToken cancellationToken)
    {
        var ekman = new MultiLabelTally(EkmanLabels, firstLabelConfusion: true);
        var sentiment = new MultiLabelTally(SentimentLabels, firstLabelConfusion: true);
        var fine = new MultiLabelTally(labelNames, firstLabelConfusion: false);
        var fineIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labelNames.Length; i++)
        {
            fineIndex.TryAdd(labelNames[i], i);
        }

        using var source = new Reader(InputFiles.OpenLines(path, context), labelNames.Length);
        var reporter = ProgressReporter.Create(context, progress, "goemotions", source.Length);
        var analyzer = EmotionAnalyzer.Default;
        var gold = new List<int>(8);
        var predicted = new List<int>(8);
        await BatchPipeline.RunAsync<GoEmotionsRow, EmotionReading>(
            source,
            row => analyzer.Analyze(row.Text),
            batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var row = batch.Items[i];
                    var reading = batch.Results[i];

                    Fill(gold, row.Labels, id => EkmanOf(labelNames[id]) is { } e ? (int)e : -1);
                    Fill(predicted, reading.Ekman, e => (int)e);
                    ekman.Add(Span(gold), Span(predicted));

                    Fill(gold, row.Labels, id => SentimentOf(labelNames[id]) is { } s ? (int)s : -1);
                    Fill(predicted, reading.Sentiment, s => (int)s);
                    sentiment.Add(Span(gold), Span(predicted));

                    Fill(gold, row.Labels, id => id);
                    Fill(predicted, reading.GoEmotions, name => fineIndex.GetValueOrDefault(name, -1));
                    fine.Add(Span(gold), Span(predicted));
                }
            },
            reporter,
            cancellationToken).ConfigureAwait(false);

        return new GoEmotionsResult(path, ekman.Examples, ekman.ToReport(), sentiment.ToReport(), fine.ToReport());
    }

    private static ReadOnlySpan<int> Span(List<int> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);

    /// <summary>Maps labels to indices, dropping unmapped (-1) and repeated ones, keeping first-seen order.</summary>
    private static void Fill<T>(List<int> target, IReadOnlyList<T> labels, Func<T, int> map)
    {
        target.Clear();
        foreach (var label in labels)
        {
            var index = map(label);
            if (index >= 0 && !target.Contains(index))
            {
                target.Add(index);
            }
        }
    }

    private static Dictionary<string, TGroup> Groups<TGroup>(Dictionary<TGroup, string[]> groups)
        where TGroup : notnull
    {
        var map = new Dictionary<string, TGroup>(StringComparer.Ordinal);
        foreach (var (group, labels) in groups)
        {
            foreach (var label in labels)
            {
                map.Add(label, group);
            }
        }

        return map;
    }

    /// <summary>Reads "text TAB ids TAB comment-id" rows (the comment id is optional).</summary>
    private sealed class Reader(Utf8LineReader lines, int labelCount) : LineItemSource<GoEmotionsRow>(lines, "no examples")
    {
        protected override GoEmotionsRow Parse(ReadOnlySpan<byte> bytes)
        {
            var line = Lines.Decode(bytes);
            var last = line.LastIndexOf('\t');
            var before = last > 0 ? line.LastIndexOf('\t', last - 1) : -1;
            var (text, ids) = before >= 0 ? (line[..before], line[(before + 1)..last])
                : last >= 0 ? (line[..last], line[(last + 1)..])
                : throw Error("expected tab-separated columns: text, label ids, id");
            return new GoEmotionsRow(Lines.LineNumber, text, ParseIds(ids));
        }

        private int[] ParseIds(string field)
        {
            var parts = field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                throw Error("no label ids");
            }

            var ids = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out ids[i]) || ids[i] >= labelCount)
                {
                    throw Error($"label id '{parts[i]}' is not a number from 0 to {labelCount - 1}");
                }
            }

            return ids;
        }
    }
}
