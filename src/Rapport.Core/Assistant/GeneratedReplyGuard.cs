using System.Text.RegularExpressions;
using Rapport.Core.Coaching;
using Rapport.Core.Text;

namespace Rapport.Core.Assistant;

/// <summary>
/// Decides whether a reply written by a generative model may be sent instead of the composed one (issue 8). It is
/// accepted only when (1) it cites the knowledge-base passages it was given with markers <c>[1]</c>, <c>[2]</c>…, at least
/// one, each naming a passage that was given; (2) it states no fact outside the passages it cites: every URL, e-mail,
/// phone number, date, time, percentage, amount, duration and number appears in them, every sentence that states
/// something is cited and its content words come from the cited passages or the customer's own words; (3) the coach
/// scores it at or above <see cref="GeneratedReplyGuardOptions.MinimumScore"/>. The rules, with examples, are in
/// docs/assistant-generative.md. Pure and thread-safe.
/// </summary>
public sealed partial class GeneratedReplyGuard(GeneratedReplyGuardOptions options)
{
    // Words of courtesy, feeling and hand-off that an empathetic sentence may use without a source.
    private static readonly HashSet<ulong> Courtesy = new[]
    {
        "worry", "worried", "worrying", "stress", "stressful", "annoying", "annoyed", "upset", "confusing", "confused",
        "waiting", "wait", "hear", "hearing", "sounds", "feel", "feeling", "completely", "totally", "absolutely",
        "definitely", "certainly", "happy", "pleased", "welcome", "great", "good", "news", "reassure", "reassuring",
        "explain", "walk", "through", "quick", "quickly", "answer", "question", "questions", "asking", "message",
        "writing", "person", "people", "bring", "someone", "reply", "solve", "solved", "works", "work", "handle",
        "touch", "care", "matters", "important", "understandable", "makes", "sense", "worth", "noting", "here's",
        "hope", "helps", "helpful", "difference", "mind", "patient", "bear",
    }.Select(w => TextHash.Of(w.AsSpan()[..Stemmer.StemLength(w)])).ToHashSet();

    /// <summary>A guard with the defaults (minimum score 70).</summary>
    public static GeneratedReplyGuard Default { get; } = new(new GeneratedReplyGuardOptions());

    /// <summary>The thresholds in use.</summary>
    public GeneratedReplyGuardOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Checks <paramref name="generated"/> as the reply to <paramref name="context"/>'s customer, given
    /// <paramref name="passages"/> (numbered from 1 in this order).</summary>
    /// <param name="generated">The model's reply, with its citation markers.</param>
    /// <param name="context">The customer's messages and name (the coach reviews the reply against them).</param>
    /// <param name="passages">The passages the model was given, best first: marker [1] is the first.</param>
    /// <param name="closing">A fixed line the assistant adds after the reply (the offer of a person), reviewed by the
    /// coach with it but not checked for facts; null for none.</param>
    public GuardVerdict Check(string generated, ReviewContext context, IReadOnlyList<AssistantPassage> passages, string? closing = null)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(passages);

        var text = generated.Trim();
        if (text.Length == 0)
        {
            return Reject(GuardRejection.Empty, "the model's reply was empty");
        }

        var cited = new SortedSet<int>();
        foreach (Match m in Marker().Matches(text))
        {
            foreach (var part in m.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > passages.Count)
                {
                    return Reject(GuardRejection.UnknownCitation, $"it cites [{part}] but only {passages.Count} passage(s) were given");
                }

                cited.Add(n);
            }
        }

        if (cited.Count == 0)
        {
            return Reject(GuardRejection.NoCitation, "it cites no knowledge-base passage");
        }

        var customerStems = Stems(string.Join("\n", context.CustomerMessages));
        var nameStems = context.CustomerName is { } name ? Stems(name) : [];
        var passageFacts = passages.Select(p => ReplyFacts.Of(p.Text)).ToArray();
        var passageStems = passages.Select(p => Stems(p.Text)).ToArray();

        foreach (var sentence in Sentences(text))
        {
            var markers = SentenceMarkers(sentence);
            var plain = Marker().Replace(sentence, " ");
            var facts = ReplyFacts.Of(plain).Typed;
            var stems = Stems(plain);
            stems.ExceptWith(nameStems);
            stems.ExceptWith(Courtesy);

            if (markers.Count == 0)
            {
                if (facts.Count > 0)
                {
                    return Reject(GuardRejection.UncitedFact, $"\"{Short(sentence)}\" states {Describe(facts.First())} without citing a passage");
                }

                var unknown = stems.Count(s => !customerStems.Contains(s));
                if (unknown > Options.MaxUncitedNewWords)
                {
                    return Reject(GuardRejection.UncitedFact, $"\"{Short(sentence)}\" states something without citing a passage");
                }

                continue;
            }

            foreach (var fact in facts)
            {
                if (!markers.Any(n => passageFacts[n - 1].Supports(fact)))
                {
                    return Reject(GuardRejection.UnsupportedFact, $"{Describe(fact)} is not in the passage(s) it cites");
                }
            }

            if (stems.Count == 0)
            {
                continue;
            }

            var fromPassages = stems.Count(s => markers.Any(n => passageStems[n - 1].Contains(s)));
            var supported = stems.Count(s => customerStems.Contains(s) || markers.Any(n => passageStems[n - 1].Contains(s)));
            if (fromPassages == 0 || supported < Options.MinimumOverlap * stems.Count)
            {
                return Reject(GuardRejection.UnsupportedSentence, $"\"{Short(sentence)}\" says more than the passage(s) it cites ({supported} of {stems.Count} content words supported)");
            }
        }

        var clean = Clean(text);
        var sent = string.IsNullOrWhiteSpace(closing) ? clean : clean + "\n\n" + closing.Trim();
        var score = EmpathyCoach.Default.Review(sent, context).Score;
        if (score < Options.MinimumScore)
        {
            return new GuardVerdict(false, sent, GuardRejection.LowEmpathy, $"the coach scores it {score}, below {Options.MinimumScore}", score, [.. cited]);
        }

        return new GuardVerdict(true, sent, null, null, score, [.. cited]);
    }

    /// <summary>The reply as the customer reads it: markers removed, the spaces they leave tidied.</summary>
    public static string Clean(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var text = Marker().Replace(generated, "");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = DoubleSpace().Replace(text, " ");
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    private static GuardVerdict Reject(GuardRejection rejection, string reason) => new(false, "", rejection, reason, 0, []);

    private static List<int> SentenceMarkers(string sentence)
    {
        var markers = new List<int>();
        foreach (Match m in Marker().Matches(sentence))
        {
            foreach (var part in m.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                markers.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return markers;
    }

    /// <summary>Sentences, with markers written just after a full stop ("days. [1]") kept with the sentence before.</summary>
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var piece in SentenceEnd().Split(line))
            {
                var s = piece.Trim();
                var leading = LeadingMarkers().Match(s);
                if (leading.Success && sentences.Count > 0)
                {
                    sentences[^1] += " " + leading.Value.Trim();
                    s = s[leading.Length..].Trim();
                }

                if (s.Trim('-', '*', '•', ' ').Length > 0)
                {
                    sentences.Add(s);
                }
            }
        }

        return sentences;
    }

    /// <summary>The stems of the content words (<see cref="FunctionWords.IsContentWord"/>: no function words or filler).</summary>
    private static HashSet<ulong> Stems(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        var count = Tokenizer.Tokenize(text, tokens);
        var stems = new HashSet<ulong>();
        foreach (var token in tokens.AsSpan(0, count))
        {
            if (token.Kind == TokenKind.Word && FunctionWords.IsContentWord(token, text))
            {
                stems.Add(FunctionWords.StemHash(token, text));
            }
        }

        return stems;
    }

    private static string Short(string sentence)
    {
        var s = Marker().Replace(sentence, "").Trim();
        return s.Length <= 60 ? s : s[..57] + "...";
    }

    private static string Describe(string fact)
    {
        var colon = fact.IndexOf(':', StringComparison.Ordinal);
        return $"the {fact[..colon]} {fact[(colon + 1)..]}";
    }

    [GeneratedRegex(@"\s*\[(?<n>\d+(?:\s*,\s*\d+)*)\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:\s*\[\d+(?:\s*,\s*\d+)*\])+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LeadingMarkers();

    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[ \t]+([.,!?;:])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DoubleSpace();
}

/// <summary>The guard's thresholds.</summary>
/// <param name="MinimumScore">The coach's score (0–100) a generated reply needs; the composed reply is used below it.</param>
/// <param name="MinimumOverlap">The share of a cited sentence's content words that must come from the passages it cites or
/// the customer's own messages (at least one from the passages).</param>
/// <param name="MaxUncitedNewWords">How many content words a sentence without a marker may use beyond the customer's
/// words and the courtesy vocabulary before it counts as stating something (and needs a citation).</param>
public sealed record GeneratedReplyGuardOptions(int MinimumScore = 70, double MinimumOverlap = 0.6, int MaxUncitedNewWords = 2);

/// <summary>Why the guard rejected a generated reply.</summary>
public enum GuardRejection
{
    /// <summary>The model returned nothing.</summary>
    Empty,

    /// <summary>The reply cites no passage.</summary>
    NoCitation,

    /// <summary>A marker names a passage that was not given ([4] with three passages).</summary>
    UnknownCitation,

    /// <summary>A sentence states a fact or something specific without a marker.</summary>
    UncitedFact,

    /// <summary>A number, amount, date, time, URL, e-mail or phone number is not in the passage(s) its sentence cites.</summary>
    UnsupportedFact,

    /// <summary>A cited sentence's words mostly do not come from the passages it cites.</summary>
    UnsupportedSentence,

    /// <summary>The coach scores the reply below the threshold.</summary>
    LowEmpathy,
}

/// <summary>The guard's decision.</summary>
/// <param name="Accepted">True when the reply may be sent.</param>
/// <param name="Text">The text to send (markers removed, the closing added) when accepted; for a low score, the text
/// that was scored; otherwise empty.</param>
/// <param name="Rejection">Why it was rejected, or null.</param>
/// <param name="Reason">The rejection in words, for logs and the conversation's audit, or null.</param>
/// <param name="Score">The coach's score of the text (0 when rejected before scoring).</param>
/// <param name="CitedPassages">The passage numbers cited (1-based), in order.</param>
public sealed record GuardVerdict(bool Accepted, string Text, GuardRejection? Rejection, string? Reason, int Score, IReadOnlyList<int> CitedPassages);
