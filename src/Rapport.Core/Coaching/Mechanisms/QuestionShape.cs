using System.Collections.Frozen;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// Recognises a question written without its question mark, as replies often are ("how long have you been
/// waiting"): a question word or auxiliary opens it (perhaps after "but", "so"…) and an auxiliary is followed by
/// "you" early on.
/// </summary>
internal sealed class QuestionShape(MechanismPhraseBank bank)
{
    /// <summary>How far into the sentence the "auxiliary you" pair may start.</summary>
    private const int Reach = 4;

    private readonly FrozenSet<ulong> _openers = bank.Class("question-openers");
    private readonly FrozenSet<ulong> _auxiliaries = bank.Class("auxiliaries");
    private readonly FrozenSet<ulong> _you = bank.Class("you-subject");
    private readonly FrozenSet<ulong> _leadIns = bank.Class("question-lead-ins");

    public bool LooksLikeQuestion(ReadOnlySpan<MatchToken> sentence)
    {
        if (sentence.Length > 0 && _leadIns.Contains(sentence[0].Hash))
        {
            sentence = sentence[1..];
        }

        if (sentence.Length < 3 || !(_openers.Contains(sentence[0].Hash) || _auxiliaries.Contains(sentence[0].Hash)))
        {
            return false;
        }

        var end = Math.Min(sentence.Length - 1, Reach);
        for (var i = 0; i < end; i++)
        {
            if (_auxiliaries.Contains(sentence[i].Hash) && _you.Contains(sentence[i + 1].Hash))
            {
                return true;
            }
        }

        return false;
    }
}
