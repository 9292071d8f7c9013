using System.Text;
using Rapport.Core.Emotions;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching;

/// <summary>
/// What a reply should respond to, read once from the customer's side of the conversation: how they feel, what went
/// wrong in their own words (reflected: "my order arrived damaged" → "your order arrived damaged"), the specifics
/// they mentioned, and whether the problem is clear.
/// </summary>
internal sealed class CustomerFacts
{
    private static readonly HashSet<string> FaultSignals = ["fault", "repeat-contact", "no-response", "waiting", "threat-to-leave", "threat-to-escalate", "refund-demand", "sarcasm"];

    private CustomerFacts(ReviewContext context, string text, EmotionReading reading)
    {
        Text = text;
        Reading = reading;
        FirstName = FirstNameOf(context.CustomerName);
        AgentFirstName = FirstNameOf(context.AgentName);
        (Specifics, SpecificStems) = FindSpecifics(text);
        ProblemDetail = Reflection.ProblemClause(text, reading);
        UrgencyDetail = Reflection.UrgencyClause(text);
        var negative = reading.Labels.Any(l => l is SupportEmotion.Anger or SupportEmotion.Frustration or SupportEmotion.Disappointment or SupportEmotion.Impatience);
        FaultReported = context.CompanyAtFault ?? (reading.Signals.Any(FaultSignals.Contains) || (negative && reading.Valence < -0.2));
        Unclear = reading.Has(SupportEmotion.Confusion) || (SpecificStems.Count <= 2 && text.Length < 80 && reading.Signals.Contains("fault"));
        OnlyPositive = !FaultReported && reading.Labels.All(l => l is SupportEmotion.Gratitude or SupportEmotion.Relief or SupportEmotion.Neutral)
            && reading.Labels.Any(l => l is SupportEmotion.Gratitude or SupportEmotion.Relief);
        Detail = ProblemDetail ?? (OnlyPositive ? Reflection.GoodNewsClause(text) : null);
    }

    /// <summary>The customer's messages joined, as analysed.</summary>
    public string Text { get; }

    public EmotionReading Reading { get; }

    public string? FirstName { get; }

    public string? AgentFirstName { get; }

    /// <summary>The feeling a reply should acknowledge (Neutral when none).</summary>
    public SupportEmotion Feeling => Reading.Dominant;

    /// <summary>True when a reply should acknowledge a feeling.</summary>
    public bool ExpressedFeeling => Feeling != SupportEmotion.Neutral;

    /// <summary>The customer's words about what went wrong, reflected to the second person; null when none found.</summary>
    public string? ProblemDetail { get; }

    /// <summary>What to say back: the problem, or for a happy customer the good news; null when neither was found.</summary>
    public string? Detail { get; }

    /// <summary>The customer's words about a deadline or urgency, reflected; null when none.</summary>
    public string? UrgencyDetail { get; }

    /// <summary>Specific words the customer used (products, order numbers, days), in their spelling, first seen first.</summary>
    public IReadOnlyList<string> Specifics { get; }

    public HashSet<ulong> SpecificStems { get; }

    public bool FaultReported { get; }

    public bool Unclear { get; }

    /// <summary>The customer only expressed gratitude or relief: no problem to solve.</summary>
    public bool OnlyPositive { get; }

    public static CustomerFacts From(ReviewContext context)
    {
        var text = context.CustomerMessages.Count == 1 ? context.CustomerMessages[0] : string.Join('\n', context.CustomerMessages);
        return new CustomerFacts(context, text, EmotionAnalyzer.Default.Analyze(text));
    }

    private static string? FirstNameOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var first = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length == 0 ? null : char.ToUpperInvariant(first[0]) + first[1..];
    }

    private static (List<string> Specifics, HashSet<ulong> Stems) FindSpecifics(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(Math.Min(text.Length, EmotionAnalyzer.MaxAnalyzedLength))];
        var span = text.AsSpan(0, Math.Min(text.Length, EmotionAnalyzer.MaxAnalyzedLength));
        var count = Tokenizer.Tokenize(span, tokens);
        var specifics = new List<string>();
        var stems = new HashSet<ulong>();
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (!FunctionWords.IsContentWord(token, span) || Negation.IsNegator(token.Hash))
            {
                continue;
            }

            if (stems.Add(FunctionWords.StemHash(token, span)))
            {
                specifics.Add(token.Slice(span).ToString());
            }
        }

        return (specifics, stems);
    }

    /// <summary>A short phrase naming the customer's specifics, for suggestions ("damaged", "Saturday").</summary>
    public string SpecificsPhrase(int max = 3)
    {
        var builder = new StringBuilder();
        foreach (var word in Specifics.Take(max))
        {
            builder.Append(builder.Length == 0 ? "\"" : ", \"").Append(word).Append('"');
        }

        return builder.ToString();
    }
}
