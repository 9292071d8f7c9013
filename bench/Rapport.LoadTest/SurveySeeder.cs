using System.Security.Cryptography;
using Rapport.Core.Emotions;
using Rapport.Desk.Data;
using Rapport.Desk.Surveys;

namespace Rapport.LoadTest;

/// <summary>A resolved conversation of the synthetic archive, with the mean empathy of its replies.</summary>
internal sealed record ResolvedConversation(long Id, long? AgentId, DateTimeOffset ResolvedAt, double Empathy);

/// <summary>
/// Answers surveys for resolved conversations of the archive, as customers would through the survey page: the ratings
/// follow the replies' empathy (with noise, so the correlation the analytics page reports is real but not perfect), a
/// third of the answers carry a comment with its emotion reading. Deterministic (fixed seed).
/// </summary>
internal sealed class SurveySeeder(Func<RapportDbContext> createContext)
{
    private const int BatchSize = 2_000;

    private static readonly string[] Comments =
    [
        "Thank you, the agent really listened and fixed it quickly.",
        "Took far too long and I had to repeat myself three times.",
        "Fine, problem solved.",
        "I felt ignored. The answer was copied from the FAQ.",
        "Lovely service, very kind and clear.",
        "Still not sure it's fixed, but they were polite.",
    ];

    /// <summary>Answers up to <paramref name="count"/> surveys, spread evenly over <paramref name="resolved"/>; returns how many.</summary>
    public async Task<int> SeedAsync(IReadOnlyList<ResolvedConversation> resolved, int count, CancellationToken cancellationToken)
    {
        var take = Math.Min(count, resolved.Count);
        var random = new Random(11);
        var readings = Comments.Select(c => EmotionAnalyzer.Default.Analyze(c)).ToArray();
        for (var start = 0; start < take; start += BatchSize)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(take, start + BatchSize); i++)
            {
                var conversation = resolved[(int)((long)i * resolved.Count / take)];
                var satisfaction = Rating(conversation.Empathy, random);
                var understood = Rating(conversation.Empathy + 5, random);
                var comment = random.Next(3) == 0 ? random.Next(Comments.Length) : -1;
                var survey = new Survey
                {
                    ConversationId = conversation.Id,
                    AgentId = conversation.AgentId,
                    TokenHash = RandomNumberGenerator.GetBytes(32),
                    CreatedAt = conversation.ResolvedAt,
                    ExpiresAt = conversation.ResolvedAt + TimeSpan.FromDays(14),
                    Response = new SurveyResponse
                    {
                        ConversationId = conversation.Id,
                        AgentId = conversation.AgentId,
                        Satisfaction = satisfaction,
                        FeltUnderstood = understood,
                        Comment = comment < 0 ? null : Comments[comment],
                        EngineVersion = comment < 0 ? null : EmotionAnalyzer.Version,
                        CommentLabels = comment < 0 ? [] : [.. readings[comment].Labels.Select(l => l.Name())],
                        CommentValence = comment < 0 ? null : readings[comment].Valence,
                        CommentIntensity = comment < 0 ? null : readings[comment].Intensity,
                        AnsweredAt = conversation.ResolvedAt + TimeSpan.FromHours(2 + random.Next(46)),
                    },
                };
                db.Surveys.Add(survey);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return take;
    }

    /// <summary>1–5 from an empathy score 0–100, ±1 at random a third of the time.</summary>
    private static int Rating(double empathy, Random random) =>
        Math.Clamp((int)Math.Round(1 + (empathy / 25)) + (random.Next(3) == 0 ? random.Next(-1, 2) : 0), 1, 5);
}
