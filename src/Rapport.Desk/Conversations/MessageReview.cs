using System.Text.Json;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Desk.Conversations;

/// <summary>The empathy review of an agent message as stored: score and mechanism levels as columns, findings as JSON.</summary>
public sealed class MessageReview
{
    public long MessageId { get; set; }

    public required string EngineVersion { get; set; }

    public int Score { get; set; }

    /// <summary>JSON array of <see cref="StoredFinding"/>, one per practice.</summary>
    public required string FindingsJson { get; set; }

    /// <summary>EPITOME levels: 0 none, 1 weak, 2 strong.</summary>
    public int EmotionalReactions { get; set; }

    public int Interpretations { get; set; }

    public int Explorations { get; set; }

    public IReadOnlyList<StoredFinding> Findings() =>
        JsonSerializer.Deserialize<List<StoredFinding>>(FindingsJson, DeskJson.Options) ?? [];

    /// <summary>Stores <paramref name="review"/>.</summary>
    public static MessageReview From(EmpathyReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var findings = review.Findings
            .Select(f => new StoredFinding(DeskJson.CamelCase(f.Practice.ToString()), DeskJson.CamelCase(f.Status.ToString()), f.Weight, f.Suggestion))
            .ToList();
        return new MessageReview
        {
            EngineVersion = EmotionAnalyzer.Version,
            Score = review.Score,
            FindingsJson = JsonSerializer.Serialize(findings, DeskJson.Options),
            EmotionalReactions = (int)review.Mechanisms.EmotionalReactions,
            Interpretations = (int)review.Mechanisms.Interpretations,
            Explorations = (int)review.Mechanisms.Explorations,
        };
    }
}

/// <summary>One practice checked in a stored review.</summary>
public sealed record StoredFinding(string Practice, string Status, int Weight, string? Suggestion);
