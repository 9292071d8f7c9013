using Rapport.Core.Coaching;

namespace Rapport.Core.Training;

/// <summary>Ranks the practices of a session: best by share met (then weight), weakest by weighted share missed.</summary>
internal static class PracticeHighlights
{
    private static readonly string[] Names =
    [
        "Greeting", "Use the customer's name", "Acknowledge the feeling", "Apologise", "Thank the customer",
        "Reflect their details", "Ask a clarifying question", "Take ownership", "Positive, caring language",
        "Offer a solution or next step", "Offer alternatives", "Promise follow-up", "Offer further help",
        "Sound human, not robotic", "Acknowledge before solving", "Tone",
    ];

    private const int MaxQuote = 140;

    /// <summary>The practice's name as advice ("Acknowledge the feeling").</summary>
    public static string Name(Practice practice) => (int)practice < Names.Length ? Names[(int)practice] : practice.ToString();

    public static (List<PracticeHighlight> Best, List<PracticeHighlight> Weakest) From(IReadOnlyList<TrainingTurn> turns)
    {
        var tallies = new List<(Practice Practice, int Met, int Applicable, int Weight, TrainingTurn? MetTurn, PracticeFinding? MetFinding, TrainingTurn? MissedTurn, PracticeFinding? MissedFinding)>();
        foreach (var practice in Enum.GetValues<Practice>())
        {
            int met = 0, applicable = 0, weight = 0;
            TrainingTurn? metTurn = null, missedTurn = null;
            PracticeFinding? metFinding = null, missedFinding = null;
            foreach (var turn in turns)
            {
                var finding = turn.Review[practice];
                weight = finding.Weight;
                if (finding.Status == FindingStatus.NotApplicable)
                {
                    continue;
                }

                applicable++;
                if (finding.Status == FindingStatus.Met)
                {
                    met++;
                    if (metTurn is null || (metFinding!.Evidence.Count == 0 && finding.Evidence.Count > 0))
                    {
                        (metTurn, metFinding) = (turn, finding);
                    }
                }
                else
                {
                    (missedTurn, missedFinding) = (turn, finding); // the latest miss: the most recent habit
                }
            }

            if (applicable > 0)
            {
                tallies.Add((practice, met, applicable, weight, metTurn, metFinding, missedTurn, missedFinding));
            }
        }

        var best = tallies
            .Where(t => t.Met > 0 && t.MetFinding!.Evidence.Count > 0)
            .OrderByDescending(t => (double)t.Met / t.Applicable)
            .ThenByDescending(t => t.Weight)
            .ThenBy(t => t.Practice)
            .Take(3)
            .Select(t => new PracticeHighlight(t.Practice, t.Met, t.Applicable, QuoteEvidence(t.MetTurn!.AgentReply, t.MetFinding!), t.MetTurn.Number, null))
            .ToList();
        var weakest = tallies
            .Where(t => t.Met < t.Applicable && t.MissedFinding!.Suggestion is not null)
            .OrderByDescending(t => t.Weight * (double)(t.Applicable - t.Met) / t.Applicable)
            .ThenBy(t => t.Practice)
            .Take(3)
            .Select(t => new PracticeHighlight(t.Practice, t.Met, t.Applicable, QuoteMiss(t.MissedTurn!.AgentReply, t.MissedFinding!), t.MissedTurn.Number, t.MissedFinding!.Suggestion))
            .ToList();
        return (best, weakest);
    }

    /// <summary>The sentence of the reply holding the finding's longest evidence (the most specific phrase: "let me" over "I can").</summary>
    private static string QuoteEvidence(string reply, PracticeFinding finding)
    {
        var (start, _) = finding.Evidence.Select(r => r.GetOffsetAndLength(reply.Length)).MaxBy(r => r.Length);
        var from = start;
        while (from > 0 && !(reply[from - 1] is '.' or '!' or '?' or '\n'))
        {
            from--;
        }

        var to = start;
        while (to < reply.Length && !(reply[to] is '.' or '!' or '?' or '\n'))
        {
            to++;
        }

        return Shorten(reply[from..Math.Min(reply.Length, to + 1)].Trim());
    }

    /// <summary>For a miss: the offending phrase when there is one (canned, blame), else the reply itself.</summary>
    private static string QuoteMiss(string reply, PracticeFinding finding) =>
        finding.Evidence.Count > 0 ? QuoteEvidence(reply, finding) : Shorten(reply.Trim());

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxQuote ? oneLine : string.Concat(oneLine.AsSpan(0, MaxQuote - 1), "…");
    }
}
