using Rapport.Core.Coaching;

namespace Rapport.Server.Api.Contracts;

/// <summary>An empathy review, in the same JSON shape as <c>rapport review --json</c>.</summary>
internal sealed record ReviewResponse(int Score, IReadOnlyList<FindingResponse> Findings, MechanismsResponse Mechanisms, ReadingResponse Customer)
{
    public static ReviewResponse From(EmpathyReview review, string reply)
    {
        var m = review.Mechanisms;
        return new ReviewResponse(
            review.Score,
            [.. review.Findings.Select(f => new FindingResponse(
                Json.CamelCase(f.Practice.ToString()),
                Json.CamelCase(f.Status.ToString()),
                f.Weight,
                Ranges(f.Evidence, reply),
                f.Suggestion,
                f.Insert))],
            new MechanismsResponse(
                (int)m.EmotionalReactions,
                (int)m.Interpretations,
                (int)m.Explorations,
                new MechanismEvidenceResponse(Ranges(m.EmotionalReactionEvidence, reply), Ranges(m.InterpretationEvidence, reply), Ranges(m.ExplorationEvidence, reply))),
            ReadingResponse.From(review.CustomerReading, text: null));
    }

    private static RangeResponse[] Ranges(IReadOnlyList<Range> ranges, string text) => [.. ranges.Select(r => RangeResponse.From(r, text))];
}

/// <summary>One practice: met, missed or notApplicable, with evidence in the reply and a suggestion.</summary>
internal sealed record FindingResponse(string Practice, string Status, int Weight, IReadOnlyList<RangeResponse> Evidence, string? Suggestion, string? Insert);

/// <summary>EPITOME mechanism levels (0 none, 1 weak, 2 strong) and their evidence.</summary>
internal sealed record MechanismsResponse(int EmotionalReactions, int Interpretations, int Explorations, MechanismEvidenceResponse Evidence);

/// <summary>Ranges of the reply that show each mechanism.</summary>
internal sealed record MechanismEvidenceResponse(
    IReadOnlyList<RangeResponse> EmotionalReactions,
    IReadOnlyList<RangeResponse> Interpretations,
    IReadOnlyList<RangeResponse> Explorations);
