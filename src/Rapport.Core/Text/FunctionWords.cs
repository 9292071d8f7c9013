using System.Collections.Frozen;

namespace Rapport.Core.Text;

/// <summary>English function words and support-desk filler: words that say nothing specific about a situation.</summary>
internal static class FunctionWords
{
    private static readonly FrozenSet<ulong> Words = new[]
    {
        "the", "and", "for", "but", "not", "you", "your", "yours", "our", "ours", "we", "us", "they", "them", "their",
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where",
        "why", "how", "with", "without", "from", "into", "onto", "about", "above", "below", "after", "before", "again",
        "then", "than", "too", "very", "just", "also", "only", "still", "even", "ever", "never", "any", "some", "all",
        "each", "every", "both", "either", "neither", "more", "most", "much", "many", "such", "own", "same", "other",
        "are", "was", "were", "been", "being", "have", "has", "had", "having", "does", "did", "doing", "done", "can",
        "could", "would", "should", "will", "shall", "may", "might", "must", "get", "got", "getting", "gets", "make",
        "made", "let", "lets", "let's", "i'm", "i've", "i'll", "i'd", "you're", "you've", "you'll", "you'd", "it's",
        "its", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "cannot", "won't",
        "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "that's", "there's", "what's", "we're",
        "we've", "we'll", "they're", "he's", "she's", "his", "her", "hers", "him", "she", "one", "ones", "out", "off",
        "over", "under", "because", "while", "until", "since", "though", "although", "yet", "so", "if", "or", "nor",
        "of", "to", "in", "on", "at", "by", "as", "an", "a", "is", "be", "it", "me", "my", "mine", "myself", "i",
        "hi", "hello", "hey", "dear", "thanks", "thank", "please", "sorry", "really", "well", "okay", "ok", "yes",
        "now", "today", "way", "thing", "things", "something", "anything", "everything", "nothing", "someone", "anyone",
        "know", "think", "want", "need", "like", "see", "look", "tell", "told", "said", "say", "going", "go", "come",
        "time", "help", "able", "sure", "right", "back", "day", "issue", "problem", "team", "customer", "support",
        "regards", "best", "kind", "soon", "possible", "further", "via", "per", "etc", "would", "again", "already",
        "hope", "understand", "apologize", "apologise", "inconvenience", "frustrating", "frustrated", "disappointing",
        "can", "let", "happy", "glad", "assist", "contact", "reach", "reaching", "appreciate", "patience",
    }.Select(TextHash.Of).ToFrozenSet();

    public static bool Contains(ulong hash) => Words.Contains(hash);

    /// <summary>A word long enough and meaningful enough to count as a detail of the customer's situation.</summary>
    public static bool IsContentWord(Token token, ReadOnlySpan<char> text) =>
        (token.Kind == TokenKind.Word && token.Length >= 3 && !Words.Contains(token.Hash))
        || (token.Kind == TokenKind.Number && token.Length >= 2)
        || token.Kind == TokenKind.Mention && token.Slice(text)[0] == '#';

    /// <summary>The hash of a content word's stem, so "damaged" in a reply meets "damage" in the message.</summary>
    public static ulong StemHash(Token token, ReadOnlySpan<char> text)
    {
        var word = token.Slice(text);
        return TextHash.Of(word[..Stemmer.StemLength(word)]);
    }
}
