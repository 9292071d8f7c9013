using Rapport.Core.Coaching;

namespace Rapport.Server.Components.Workspace;

/// <summary>
/// Applies a coach suggestion's insert to a draft where a person would write it: a greeting opens the reply, an
/// acknowledgement, apology, thanks or ownership comes right after the greeting, and follow-ups, questions and offers
/// of further help close it.
/// </summary>
internal static class SuggestionApplier
{
    private static readonly string[] GreetingWords = ["hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening"];

    public static string Apply(string draft, PracticeFinding finding)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Insert is not { Length: > 0 } insert)
        {
            return draft;
        }

        var text = draft.Trim();
        var (greeting, body) = SplitGreeting(text);
        switch (finding.Practice)
        {
            case Practice.Greeting or Practice.UsesName:
                // "Hi there," becomes "Hi Maria,"; a draft without a greeting gets one.
                return Join("\n\n", insert, body);
            case Practice.PromisesFollowUp or Practice.OffersFurtherHelp or Practice.AsksClarifyingQuestion or Practice.OffersAlternatives
                when body.Length > 0:
                return Join("\n\n", greeting, Join(" ", body, insert));
            default:
                return Join("\n\n", greeting, Join(" ", insert, body));
        }
    }

    /// <summary>The greeting line ("Hi James,") and the rest; the greeting is empty when the draft has none.</summary>
    private static (string Greeting, string Body) SplitGreeting(string text)
    {
        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (lineEnd < 0 ? text : text[..lineEnd]).Trim();
        var isGreeting = first.Length <= 40 && first.EndsWith(',')
            && GreetingWords.Any(w => first.StartsWith(w, StringComparison.OrdinalIgnoreCase));
        if (!isGreeting)
        {
            // "Hi James, the parcel..." on one line: the greeting is up to the first comma.
            var comma = first.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && comma <= 30 && GreetingWords.Any(w => first.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase)))
            {
                return (text[..(comma + 1)], text[(comma + 1)..].Trim());
            }

            return ("", text);
        }

        return (first, lineEnd < 0 ? "" : text[(lineEnd + 1)..].Trim());
    }

    private static string Join(string separator, string a, string b) =>
        a.Length == 0 ? b : b.Length == 0 ? a : a + separator + b;
}
