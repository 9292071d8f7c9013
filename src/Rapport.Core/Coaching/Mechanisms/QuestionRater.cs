using System.Collections.Frozen;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// Rates a question as an exploration: none when it is not put to the other person, weak when it is generic
/// ("What happened?"), strong when it is specific: it names things, or things the other person wrote about.
/// </summary>
internal sealed class QuestionRater
{
    private readonly FrozenSet<ulong> _functionWords;
    private readonly FrozenSet<ulong> _secondPerson;
    private readonly FrozenSet<ulong> _openers;
    private readonly FrozenSet<ulong> _auxiliaries;
    private readonly FrozenSet<ulong> _genericWords;

    public QuestionRater(MechanismPhraseBank bank)
    {
        _functionWords = bank.Class("function-words");
        _secondPerson = bank.Class("you");
        _openers = bank.Class("question-openers");
        _auxiliaries = bank.Class("auxiliaries");
        _genericWords = bank.Class("generic-question-words");
    }

    /// <summary>The function words of the phrase file, for <see cref="ContentWords"/>.</summary>
    public FrozenSet<ulong> FunctionWords => _functionWords;

    /// <summary>
    /// Whether the question is put to the other person: it says "you", or opens with a question word or an
    /// auxiliary ("Is there anywhere else you can go?", "Does it hurt?").
    /// </summary>
    public bool IsAddressed(ReadOnlySpan<MatchToken> sentence)
    {
        if (_openers.Contains(sentence[0].Hash) || _auxiliaries.Contains(sentence[0].Hash))
        {
            return true;
        }

        foreach (var token in sentence)
        {
            if (_secondPerson.Contains(token.Hash))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the question is specific: it has a content word that is not generic ("counselor" in "Have you talked
    /// to a counselor?"), or it echoes a word of the other person's message, even a generic one ("life" in "What
    /// about your life?" after "my life is falling apart"). Tokens inside <paramref name="genericSpan"/> (a generic
    /// question phrase the question was built on, in sentence-relative token indices) do not count.
    /// </summary>
    public bool IsSpecific(ReadOnlySpan<MatchToken> sentence, ReadOnlySpan<char> reply, Range genericSpan, ref ContextStems context)
    {
        var (skipStart, skipLength) = genericSpan.GetOffsetAndLength(sentence.Length);
        for (var i = 0; i < sentence.Length; i++)
        {
            var token = sentence[i];
            if ((i >= skipStart && i < skipStart + skipLength) || !ContentWords.IsContent(token, _functionWords))
            {
                continue;
            }

            if (!_genericWords.Contains(token.Hash) || context.Contains(ContentWords.StemHash(reply[token.Start..token.End])))
            {
                return true;
            }
        }

        return false;
    }
}
