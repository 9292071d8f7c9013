using System.Buffers;
using Rapport.Core.Coaching.Mechanisms;

namespace Rapport.Core.Coaching;

/// <summary>
/// Rates a reply's three EPITOME empathy communication mechanisms (Sharma et al., EMNLP 2020) with hand-written
/// phrase rules: Emotional Reactions, Interpretations and Explorations, each none, weak or strong.
/// </summary>
/// <remarks>
/// Pure and thread-safe: one instance serves every request. Fast enough to run on every keystroke (no regular
/// expressions; pooled buffers; one trie walk over the reply's tokens).
/// </remarks>
public sealed class EmpathyMechanismDetector
{
    private static readonly Lazy<EmpathyMechanismDetector> LazyDefault =
        new(() => new EmpathyMechanismDetector(MechanismPhraseBank.LoadEmbedded()));

    private readonly MechanismPhraseBank _bank;
    private readonly QuestionRater _questions;
    private readonly QuestionShape _questionShape;
    private readonly ParaphraseRater _paraphrases;

    internal EmpathyMechanismDetector(MechanismPhraseBank bank)
    {
        _bank = bank;
        _questions = new QuestionRater(bank);
        _questionShape = new QuestionShape(bank);
        _paraphrases = new ParaphraseRater(bank);
    }

    /// <summary>The detector with Rapport's embedded phrase rules, loaded once.</summary>
    public static EmpathyMechanismDetector Default => LazyDefault.Value;

    /// <summary>Rates the mechanisms in <paramref name="reply"/>.</summary>
    /// <param name="reply">The response being written or reviewed.</param>
    /// <param name="context">What the other person wrote (may be empty); a question or paraphrase that shares
    /// content words with it counts as specific.</param>
    /// <returns>The level of each mechanism, with evidence as character ranges of <paramref name="reply"/>.</returns>
    public EmpathyMechanisms Detect(ReadOnlySpan<char> reply, ReadOnlySpan<char> context)
    {
        using var text = MechanismText.Create(reply, _bank, _questionShape);
        if (text.TokenCount == 0)
        {
            return EmpathyMechanisms.None;
        }

        var matches = new MatchBuffer(64);
        var kept = ArrayPool<bool>.Shared.Rent(64);
        var stems = new ContextStems(context, _bank, _questions.FunctionWords);
        try
        {
            _bank.FindMatches(in text, ref matches);
            if (kept.Length < matches.Count)
            {
                ArrayPool<bool>.Shared.Return(kept);
                kept = ArrayPool<bool>.Shared.Rent(matches.Count);
            }

            var isKept = kept.AsSpan(0, matches.Count);
            ApplyVetoes(matches.Items, isKept);

            var emotional = new Tally();
            var interpretation = new Tally();
            var exploration = new Tally();
            var rules = _bank.Rules;
            for (var i = 0; i < matches.Count; i++)
            {
                var match = matches.Items[i];
                var rule = rules[match.Rule];
                if (!isKept[i])
                {
                    continue;
                }

                var range = text.CharRange(match.FirstToken, match.EndToken);
                switch (rule.Mechanism)
                {
                    case Mechanism.EmotionalReactions:
                        emotional.Add(rule.Level, range);
                        break;
                    case Mechanism.Interpretations:
                        interpretation.Add(rule.Level, range);
                        break;
                    case Mechanism.Explorations when !text.Sentences[text.Tokens[match.FirstToken].Sentence].IsQuestion:
                        exploration.Add(rule.Level, range);
                        break;
                }
            }

            RateQuestions(text, reply, matches.Items, isKept, ref stems, ref exploration);
            if (!context.IsEmpty)
            {
                FindParaphrases(text, reply, ref stems, ref interpretation);
            }

            return new EmpathyMechanisms(
                emotional.Level, interpretation.Level, exploration.Level,
                emotional.Evidence(), interpretation.Evidence(), exploration.Evidence());
        }
        finally
        {
            stems.Dispose();
            ArrayPool<bool>.Shared.Return(kept);
            matches.Dispose();
        }
    }

    /// <summary>
    /// Drops every phrase that overlaps a level-0 (veto) phrase of the same mechanism, and every phrase that lies
    /// inside a longer phrase of the same mechanism: the most specific phrase decides ("sorry for the inconvenience"
    /// is a weak reaction although "sorry" alone is a strong one).
    /// </summary>
    private void ApplyVetoes(ReadOnlySpan<PhraseHit> matches, Span<bool> isKept)
    {
        // Matches come in order of their first token and span at most MaxPhraseLength tokens, so only a window of
        // neighbours can overlap: linear in the reply's length, not quadratic.
        var rules = _bank.Rules;
        var reach = _bank.MaxPhraseLength;
        var windowStart = 0;
        for (var i = 0; i < matches.Length; i++)
        {
            var match = matches[i];
            var rule = rules[match.Rule];
            isKept[i] = rule.Level != MechanismLevel.None;
            while (matches[windowStart].FirstToken + reach < match.FirstToken)
            {
                windowStart++;
            }

            for (var j = windowStart; j < matches.Length && matches[j].FirstToken < match.EndToken && isKept[i]; j++)
            {
                var other = matches[j];
                var otherRule = rules[other.Rule];
                if (otherRule.Mechanism != rule.Mechanism || j == i)
                {
                    continue;
                }

                var overlaps = other.FirstToken < match.EndToken && match.FirstToken < other.EndToken;
                var contains = other.FirstToken <= match.FirstToken && match.EndToken <= other.EndToken
                    && other.EndToken - other.FirstToken > match.EndToken - match.FirstToken;
                isKept[i] = otherRule.Level == MechanismLevel.None ? !overlaps : !contains;
            }
        }
    }

    /// <summary>Counts statements that restate what the other person wrote as strong interpretations.</summary>
    private void FindParaphrases(scoped in MechanismText text, ReadOnlySpan<char> reply, ref ContextStems stems, ref Tally interpretation)
    {
        foreach (var sentence in text.Sentences)
        {
            if (!sentence.IsQuestion && _paraphrases.IsParaphrase(text.Tokens[sentence.FirstToken..sentence.EndToken], reply, ref stems))
            {
                interpretation.Add(MechanismLevel.Strong, text.CharRange(sentence.FirstToken, sentence.EndToken));
            }
        }
    }

    /// <summary>
    /// Rates each question: a vetoed one ("Anything else?") is no exploration; one built on a generic phrase
    /// ("What happened?") is weak unless the rest of it is specific; another question put to the other person is
    /// weak or strong by its specificity.
    /// </summary>
    private void RateQuestions(
        scoped in MechanismText text, ReadOnlySpan<char> reply, ReadOnlySpan<PhraseHit> matches, ReadOnlySpan<bool> isKept,
        ref ContextStems stems, ref Tally exploration)
    {
        var rules = _bank.Rules;
        var tokens = text.Tokens;
        var cursor = 0;
        foreach (var sentence in text.Sentences)
        {
            // Matches are in token order and never cross a sentence: skip to this sentence's.
            while (cursor < matches.Length && matches[cursor].FirstToken < sentence.FirstToken)
            {
                cursor++;
            }

            if (!sentence.IsQuestion)
            {
                continue;
            }

            var vetoed = false;
            var phraseLevel = MechanismLevel.None;
            var genericSpan = new Range(0, 0);
            for (var i = cursor; i < matches.Length && matches[i].FirstToken < sentence.EndToken; i++)
            {
                var match = matches[i];
                var rule = rules[match.Rule];
                if (rule.Mechanism != Mechanism.Explorations)
                {
                    continue;
                }

                if (rule.Level == MechanismLevel.None)
                {
                    vetoed = true;
                    break;
                }

                if (isKept[i] && rule.Level > phraseLevel)
                {
                    phraseLevel = rule.Level;
                    genericSpan = new Range(match.FirstToken - sentence.FirstToken, match.EndToken - sentence.FirstToken);
                }
            }

            var words = tokens[sentence.FirstToken..sentence.EndToken];
            if (vetoed || (phraseLevel == MechanismLevel.None && !_questions.IsAddressed(words)))
            {
                continue;
            }

            var level = phraseLevel == MechanismLevel.Strong || _questions.IsSpecific(words, reply, genericSpan, ref stems)
                ? MechanismLevel.Strong
                : MechanismLevel.Weak;
            exploration.Add(level, text.CharRange(sentence.FirstToken, sentence.EndToken));
        }
    }
}
