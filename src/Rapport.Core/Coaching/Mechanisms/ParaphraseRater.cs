using System.Collections.Frozen;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// Recognises a paraphrase: a statement about the other person ("So your order arrived broken after three weeks")
/// that reuses content words of what they wrote, without advising them ("you should…"). "You" must be the subject,
/// near the start: Reddit's generic "you" ("puddles are small, so the more people you have around you…") is not.
/// </summary>
internal sealed class ParaphraseRater(MechanismPhraseBank bank)
{
    /// <summary>Distinct content words shared with the context that make a statement a paraphrase.</summary>
    private const int SharedContentWords = 3;

    /// <summary>"You" or "your" must come within this many tokens of the sentence start ("So, you lost…").</summary>
    private const int SubjectReach = 3;

    private readonly FrozenSet<ulong> _functionWords = bank.Class("function-words");
    private readonly FrozenSet<ulong> _you = bank.Class("you");
    private readonly FrozenSet<ulong> _advice = bank.Class("advice-words");

    public bool IsParaphrase(ReadOnlySpan<MatchToken> sentence, ReadOnlySpan<char> reply, ref ContextStems context)
    {
        var addressed = false;
        for (var i = 0; i < sentence.Length; i++)
        {
            if (_advice.Contains(sentence[i].Hash))
            {
                return false;
            }

            addressed |= i < SubjectReach && _you.Contains(sentence[i].Hash);
        }

        if (!addressed)
        {
            return false;
        }

        Span<ulong> shared = stackalloc ulong[SharedContentWords];
        var count = 0;
        foreach (var token in sentence)
        {
            if (!ContentWords.IsContent(token, _functionWords))
            {
                continue;
            }

            var stem = ContentWords.StemHash(reply[token.Start..token.End]);
            if (context.Contains(stem) && !shared[..count].Contains(stem))
            {
                shared[count++] = stem;
                if (count == SharedContentWords)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
