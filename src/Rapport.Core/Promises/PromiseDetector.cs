using System.Text.RegularExpressions;

namespace Rapport.Core.Promises;

/// <summary>
/// Finds commitments in an agent's reply ("I'll call you back tomorrow", "you'll get an update by Friday") by the
/// rules of docs/promises.md: a sentence that is not a question, with a first-person commitment opener ("I'll", "we
/// will", "let me", "you'll get") not followed by a non-commitment ("be honest", "say", "need", "try", "not"), and a
/// promise word after it that says what kind. The due time comes from the first time expression in the sentence,
/// else the next business day's end. It reads agent replies: a customer's "I'll call my bank" is not a promise of the
/// desk, so callers pass agent text only. Pure, stateless and thread-safe.
/// </summary>
public static partial class PromiseDetector
{
    /// <summary>Text beyond this many characters is not read (as the emotion engine).</summary>
    public const int MaxLength = 32_768;

    private const int RegexTimeoutMs = 200;

    /// <summary>When nothing in the sentence says when, "shortly"-style words and the default apply (docs/promises.md).</summary>
    public static readonly TimeSpan SoonDelay = TimeSpan.FromHours(2);

    /// <summary>The promises in <paramref name="text"/>, at most one per sentence, in text order.</summary>
    /// <param name="text">An agent's reply.</param>
    /// <param name="clock">The reply's time and the desk's time zone, that "tomorrow" and "Friday" are resolved against.</param>
    public static IReadOnlyList<DetectedPromise> Detect(string text, PromiseClock clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clock.Zone);
        List<DetectedPromise>? found = null;
        var length = Math.Min(text.Length, MaxLength);
        var start = 0;
        while (start < length)
        {
            var end = SentenceEnd(text, start, length);
            var (s, e) = Trim(text, start, end);
            if (e > s && text[e - 1] != '?' && FindInSentence(text, s, e, clock) is { } promise)
            {
                (found ??= []).Add(promise);
            }

            start = end;
        }

        return found is null ? [] : found;
    }

    /// <inheritdoc cref="Detect(string, PromiseClock)"/>
    public static IReadOnlyList<DetectedPromise> Detect(ReadOnlySpan<char> text, PromiseClock clock) =>
        Detect(text.Length > MaxLength ? text[..MaxLength].ToString() : text.ToString(), clock);

    private static DetectedPromise? FindInSentence(string text, int start, int end, PromiseClock clock)
    {
        var opener = Opener().Match(text, start, end - start);
        while (opener.Success)
        {
            // "I hope we'll have news", "ideally we'll fix it by Friday": hedged, not promised.
            if (!opener.Groups["excluded"].Success && !Hedge().IsMatch(text.AsSpan(start, opener.Index - start))
                && Kind(text, opener.Index + opener.Length, ClauseEnd(text, opener.Index + opener.Length, end)) is { } kind)
            {
                var (due, when) = DueTimes.Resolve(text, start, end, clock);
                return new DetectedPromise(start..end, kind, due, when);
            }

            opener = opener.NextMatch();
        }

        return null;
    }

    // The promise word belongs to the opener's clause: "I will cancel my order if this isn't fixed" promises nothing.
    private static int ClauseEnd(string text, int start, int end)
    {
        var boundary = ClauseBoundary().Match(text, start, end - start);
        return boundary.Success ? boundary.Index : end;
    }

    // The first promise word wins ("I'll check and call you back" is a check), except that "send" gives way to a more
    // specific word after it ("we'll send a replacement" is a replacement, "send your refund" a refund).
    private static PromiseKind? Kind(string text, int start, int end)
    {
        var match = Kind().Match(text, start, end - start);
        if (!match.Success)
        {
            return null;
        }

        var kind = KindOf(match);
        for (var next = match.NextMatch(); kind == PromiseKind.Send && next.Success; next = next.NextMatch())
        {
            if (KindOf(next) is PromiseKind.Replacement or PromiseKind.Refund)
            {
                return KindOf(next);
            }
        }

        return kind;
    }

    private static PromiseKind KindOf(Match match) =>
        match.Groups["callback"].Success ? PromiseKind.CallBack
        : match.Groups["followup"].Success ? PromiseKind.FollowUp
        : match.Groups["update"].Success ? PromiseKind.Update
        : match.Groups["refund"].Success ? PromiseKind.Refund
        : match.Groups["replacement"].Success ? PromiseKind.Replacement
        : match.Groups["check"].Success ? PromiseKind.Check
        : match.Groups["escalate"].Success ? PromiseKind.Escalate
        : match.Groups["fix"].Success ? PromiseKind.Fix
        : PromiseKind.Send;

    // A sentence ends after . ! ? (followed by a space, a quote or the end: "3.5" and "e.g.x" do not end one) or a line break.
    private static int SentenceEnd(string text, int start, int length)
    {
        for (var i = start; i < length; i++)
        {
            var ch = text[i];
            if (ch is '\n' or '\r')
            {
                return i + 1;
            }

            if (ch is '.' or '!' or '?' && (i + 1 >= length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '"' or '\'' or '’' or '”' or ')'))
            {
                return i + 1;
            }
        }

        return length;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    // Who commits and how ("I'll", "we are going to", "our billing team will", "let me", "you'll get"), with the
    // non-commitments that may follow ("I'll be honest", "I will say", "I'll need", "I'll try", "I will not").
    [GeneratedRegex("""
        (?<![\w'’])(?:
          (?:i|we|our(?:\s+[a-z]+){0,2}\s+team|someone(?:\s+from\s+(?:our|the)(?:\s+[a-z]+){1,2})?|a\s+colleague)
          (?:\s*['’]ll|\s+will|\s+shall|\s*['’]m\s+going\s+to|\s+am\s+going\s+to|\s*['’]re\s+going\s+to|\s+are\s+going\s+to)
          (?:\s+(?:personally|also|definitely|certainly|now|then|just|gladly|happily|promptly|first))*
          (?<excluded>\s+(?:not|never|be\s+(?:honest|frank|clear|brief|upfront|straight|happy|glad|sorry|here|available)|say|admit|need|have\s+to|try|assume|leave|hope|see|wait|ask\s+you)\b)?
        | let\s+me(?:\s+(?:just|quickly|personally))*
          (?<excluded>\s+(?:know|be|say|explain|apologi[sz]e|start|ask\s+you|remind)\b)?
        | you(?:\s*['’]ll|\s+will)(?:\s+(?:also|then|soon|shortly))*\s+(?:get|receive|hear|have|see)\b
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture, RegexTimeoutMs)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\b(?:hope|hopefully|ideally|maybe|perhaps|probably|might|wish|if\s+(?:i|we)\s+(?:were|could|had))\b|can['’]?t\s+promise|cannot\s+promise|no\s+promises",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"[;:,]|\b(?:if|unless|but|because|although|otherwise|or\s+else)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ClauseBoundary();

    // What was promised: the first of these words after the opener.
    [GeneratedRegex("""
          (?<callback>\b(?:call|ring|phone)(?:\s+you)?(?:\s+back)?\b|\bcall-?back\b)
        | (?<followup>\bget\s+back\s+to\s+you\b|\bfollow(?:ing)?[\s-]+up\b|\bbe\s+in\s+touch\b|\breach\s+out\b|\bcontact\s+you\b|\bhear\s+(?:back\s+)?from\b|\bcircle\s+back\b)
        | (?<update>\bupdat|\blet\s+you\s+know\b|\bkeep\s+you\s+(?:posted|updated|informed|in\s+the\s+loop)\b|\bconfirm|\bnews\b)
        | (?<refund>\brefund|\breimburs|\bmoney\s+back\b|\bcredit\b)
        | (?<replacement>\breplac)
        | (?<check>\bcheck|\blook\s+(?:in)?to\b|\blook\s+at\b|\binvestigat|\bfind\s+out\b|\bask\b|\bverify|\breview|\bdig\s+into\b|\btrace\b)
        | (?<escalate>\bescalat|\bpass\s+(?:this|it)\s+(?:on\s+)?to\b|\braise\s+(?:this|it)\s+with\b)
        | (?<fix>\bfix|\bresolv|\bsort(?:ed)?\b|\brepair|\bsolve)
        | (?<send>\bsend|\be-?mail\b|\bship|\bdispatch|\bforward|\blabel\b|\binvoice\b|\btracking\b)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture, RegexTimeoutMs)]
    private static partial Regex Kind();
}
