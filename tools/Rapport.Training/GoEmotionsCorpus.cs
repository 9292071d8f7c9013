using System.Text.Json;

namespace Rapport.Training;

/// <summary>GoEmotions (Demszky et al. 2020) as read from ../shared/data/goemotions: 28 labels and their groupings.</summary>
internal sealed record GoEmotionsExample(string Text, int[] LabelIds);

internal sealed class GoEmotionsCorpus
{
    /// <summary>Rapport's support emotions from GoEmotions labels (docs/decisions/0002-emotion-model.md).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SupportGroups = new Dictionary<string, string[]>
    {
        ["anger"] = ["anger", "disgust"],
        ["frustration"] = ["annoyance", "disapproval"],
        ["disappointment"] = ["disappointment", "sadness", "grief", "remorse"],
        ["worry"] = ["nervousness", "fear"],
        ["confusion"] = ["confusion"],
        ["gratitude"] = ["gratitude"],
        ["relief"] = ["relief", "joy", "approval", "admiration", "optimism"],
        ["neutral"] = ["neutral"],
    };

    private static readonly string[] EkmanOrder = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"];
    private static readonly string[] SentimentOrder = ["positive", "negative", "ambiguous", "neutral"];

    public required string[] Labels { get; init; }

    public required Dictionary<string, string[]> Ekman { get; init; }

    public required Dictionary<string, string[]> Sentiment { get; init; }

    public static GoEmotionsCorpus Load(string folder)
    {
        var labels = File.ReadAllLines(Path.Combine(folder, "emotions.txt")).Where(l => l.Length > 0).ToArray();
        var ekman = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(folder, "ekman_mapping.json")))!;
        var sentiment = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(folder, "sentiment_dict.json")))!;
        ekman["neutral"] = ["neutral"];
        sentiment["neutral"] = ["neutral"];
        return new GoEmotionsCorpus { Labels = labels, Ekman = ekman, Sentiment = sentiment };
    }

    public static List<GoEmotionsExample> ReadTsv(string path)
    {
        var examples = new List<GoEmotionsExample>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                continue;
            }

            examples.Add(new GoEmotionsExample(parts[0], parts[1].Split(',').Select(int.Parse).ToArray()));
        }

        return examples;
    }

    /// <summary>The model's outputs: 28 GoEmotions labels, then Ekman, sentiment and support groups, each prefixed.</summary>
    public (string[] Outputs, Func<int[], bool[]> Targets) Outputs()
    {
        var outputs = new List<string>();
        var members = new List<HashSet<int>>();
        for (var i = 0; i < Labels.Length; i++)
        {
            outputs.Add("go:" + Labels[i]);
            members.Add([i]);
        }

        void AddGroup(string prefix, IEnumerable<KeyValuePair<string, string[]>> groups)
        {
            foreach (var (name, labels) in groups)
            {
                outputs.Add(prefix + name);
                members.Add(labels.Select(l => Array.IndexOf(Labels, l)).ToHashSet());
            }
        }

        AddGroup("ekman:", EkmanOrder.Select(k => KeyValuePair.Create(k, Ekman[k])));
        AddGroup("sentiment:", SentimentOrder.Select(k => KeyValuePair.Create(k, Sentiment[k])));
        AddGroup("support:", SupportGroups);
        var sets = members.ToArray();
        return (outputs.ToArray(), ids => sets.Select(s => ids.Any(s.Contains)).ToArray());
    }
}
