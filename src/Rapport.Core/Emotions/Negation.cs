using System.Collections.Frozen;
using Rapport.Core.Text;

namespace Rapport.Core.Emotions;

/// <summary>Words that negate what follows them ("not", "never", "isn't", "can't", ...).</summary>
internal static class Negation
{
    private static readonly FrozenSet<ulong> Negators = new[]
    {
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere", "without", "cannot", "cant",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "couldnt", "shouldnt",
        "havent", "hasnt", "hadnt", "aint", "n't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
        "weren't", "won't", "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "can't",
        "mustn't", "needn't", "rarely", "seldom", "hardly", "barely",
    }.Select(TextHash.Of).ToFrozenSet();

    public static bool IsNegator(ulong hash) => Negators.Contains(hash);
}
