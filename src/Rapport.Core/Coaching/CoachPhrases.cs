using Rapport.Core.Text;

namespace Rapport.Core.Coaching;

/// <summary>What a coaching phrase is evidence of (the categories of coaching/phrases.tsv).</summary>
internal enum PhraseCategory
{
    Greeting,
    Acknowledge,
    Apology,
    Thanks,
    Ownership,
    Action,
    Decline,
    Alternative,
    FollowUp,
    Closing,
    Canned,
    Blame,
    Dismissive,
    Policy,
    QuestionClosing,
}

/// <summary>The coach's phrase bank (coaching/phrases.tsv), indexed for matching in a reply.</summary>
internal sealed class CoachPhrases
{
    private static readonly Dictionary<string, PhraseCategory> Categories = new()
    {
        ["greeting"] = PhraseCategory.Greeting,
        ["acknowledge"] = PhraseCategory.Acknowledge,
        ["apology"] = PhraseCategory.Apology,
        ["thanks"] = PhraseCategory.Thanks,
        ["ownership"] = PhraseCategory.Ownership,
        ["action"] = PhraseCategory.Action,
        ["decline"] = PhraseCategory.Decline,
        ["alternative"] = PhraseCategory.Alternative,
        ["followup"] = PhraseCategory.FollowUp,
        ["closing"] = PhraseCategory.Closing,
        ["canned"] = PhraseCategory.Canned,
        ["negative-blame"] = PhraseCategory.Blame,
        ["negative-dismissive"] = PhraseCategory.Dismissive,
        ["negative-policy"] = PhraseCategory.Policy,
        ["question-closing"] = PhraseCategory.QuestionClosing,
    };

    private readonly PhraseCategory[] _categories;

    private CoachPhrases()
    {
        var phrases = new List<string>();
        var categories = new List<PhraseCategory>();
        foreach (var (line, fields) in EmbeddedText.ReadTsv("coaching/phrases.tsv"))
        {
            if (fields.Length != 2 || !Categories.TryGetValue(fields[0], out var category))
            {
                throw new InvalidDataException($"coaching/phrases.tsv:{line}: expected a known category and a phrase.");
            }

            categories.Add(category);
            phrases.Add(fields[1]);
        }

        Index = new PhraseIndex(phrases);
        _categories = [.. categories];
    }

    public static CoachPhrases Default { get; } = new();

    public PhraseIndex Index { get; }

    public PhraseCategory CategoryOf(int phrase) => _categories[phrase];
}
