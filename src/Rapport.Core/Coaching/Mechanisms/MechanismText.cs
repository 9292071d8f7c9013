using System.Buffers;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>A token of a reply as the mechanism rules see it: punctuation dropped, spelling variants folded.</summary>
/// <param name="Start">Offset of the token in the text.</param>
/// <param name="End">Offset just past the token.</param>
/// <param name="Hash">Hash of the case-folded, normalised token (see <see cref="MechanismPhraseBank.Normalize"/>).</param>
/// <param name="Sentence">Index of the sentence the token belongs to.</param>
/// <param name="IsWord">Whether the token is a word (not a number, emoji or emoticon).</param>
internal readonly record struct MatchToken(int Start, int End, ulong Hash, int Sentence, bool IsWord);

/// <summary>A sentence: tokens [<paramref name="FirstToken"/>, <paramref name="EndToken"/>).</summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">Index just past the last token.</param>
/// <param name="IsQuestion">Whether the sentence ends with a question mark or is shaped like a question (<see cref="QuestionShape"/>).</param>
internal readonly record struct MatchSentence(int FirstToken, int EndToken, bool IsQuestion)
{
    public int Length => EndToken - FirstToken;
}

/// <summary>
/// A reply split into sentences of tokens, in pooled buffers. Lines quoted from the other person ("&gt; …" or
/// "&amp;gt; …", as on Reddit) are left out: the words are theirs, not the replier's.
/// </summary>
internal ref struct MechanismText
{
    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?\u2026");

    private MatchToken[] _tokens;
    private MatchSentence[] _sentences;

    private MechanismText(MatchToken[] tokens, int tokenCount, MatchSentence[] sentences, int sentenceCount)
    {
        _tokens = tokens;
        _sentences = sentences;
        TokenCount = tokenCount;
        SentenceCount = sentenceCount;
    }

    public int TokenCount { get; }

    public int SentenceCount { get; }

    public readonly ReadOnlySpan<MatchToken> Tokens => _tokens.AsSpan(0, TokenCount);

    public readonly ReadOnlySpan<MatchSentence> Sentences => _sentences.AsSpan(0, SentenceCount);

    public static MechanismText Create(ReadOnlySpan<char> text, MechanismPhraseBank bank, QuestionShape questionShape)
    {
        var raw = ArrayPool<Token>.Shared.Rent(Tokenizer.MaxTokens(text.Length));
        var rawCount = Tokenizer.Tokenize(text, raw);
        var tokens = ArrayPool<MatchToken>.Shared.Rent(Math.Max(rawCount, 1));
        var sentences = ArrayPool<MatchSentence>.Shared.Rent(Math.Max(rawCount, 1) + 1);
        var tokenCount = 0;
        var sentenceCount = 0;
        var sentenceStart = 0;
        var previousEnd = 0;
        var quoting = false;

        void Close(bool isQuestion)
        {
            if (tokenCount > sentenceStart)
            {
                isQuestion = isQuestion || questionShape.LooksLikeQuestion(tokens.AsSpan(sentenceStart, tokenCount - sentenceStart));
                sentences[sentenceCount++] = new MatchSentence(sentenceStart, tokenCount, isQuestion);
                sentenceStart = tokenCount;
            }
        }

        for (var i = 0; i < rawCount; i++)
        {
            var token = raw[i];
            if (i == 0 || text[previousEnd..token.Start].Contains('\n'))
            {
                Close(isQuestion: false);
                var rest = text[token.Start..];
                quoting = rest.StartsWith(">", StringComparison.Ordinal) || rest.StartsWith("&gt;", StringComparison.Ordinal);
            }

            previousEnd = token.End;
            if (quoting)
            {
                continue;
            }

            if (token.Kind == TokenKind.Punctuation)
            {
                var punctuation = token.Slice(text);
                if (punctuation.ContainsAny(Terminators))
                {
                    Close(punctuation.Contains('?'));
                }

                continue;
            }

            if (token.Kind == TokenKind.Url)
            {
                continue;
            }

            var isWord = token.Kind is TokenKind.Word or TokenKind.Mention;
            tokens[tokenCount++] = new MatchToken(token.Start, token.End, bank.Normalize(token.Hash), sentenceCount, isWord);
        }

        Close(isQuestion: false);
        ArrayPool<Token>.Shared.Return(raw);
        return new MechanismText(tokens, tokenCount, sentences, sentenceCount);
    }

    public readonly Range CharRange(int firstToken, int endToken) =>
        new(_tokens[firstToken].Start, _tokens[endToken - 1].End);

    public void Dispose()
    {
        if (_tokens is not null)
        {
            ArrayPool<MatchToken>.Shared.Return(_tokens);
            ArrayPool<MatchSentence>.Shared.Return(_sentences);
            _tokens = null!;
            _sentences = null!;
        }
    }
}
