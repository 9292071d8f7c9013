using Rapport.Core.Text;

namespace Rapport.Core.Coaching;

/// <summary>An agent's reply, read once: its tokens, the coaching phrases in it, its sentences and questions.</summary>
internal sealed class ReplyText
{
    private const int MaxLength = 20_000;

    private readonly List<Range>[] _byCategory;

    private ReplyText(string text)
    {
        Text = text.Length > MaxLength ? text[..MaxLength] : text;
        var tokens = new Token[Tokenizer.MaxTokens(Text.Length)];
        TokenCount = Tokenizer.Tokenize(Text, tokens);
        Tokens = tokens;
        var words = new int[TokenCount];
        WordCount = PhraseIndex.IndexWords(Tokens.AsSpan(0, TokenCount), words);
        var matches = new PhraseMatch[Math.Max(16, WordCount * 2)];
        var phrases = CoachPhrases.Default;
        var found = phrases.Index.Match(Tokens.AsSpan(0, TokenCount), words.AsSpan(0, WordCount), matches, longestOnly: false);
        _byCategory = [.. Enum.GetValues<PhraseCategory>().Select(_ => new List<Range>())];
        for (var i = 0; i < found; i++)
        {
            _byCategory[(int)phrases.CategoryOf(matches[i].Phrase)].Add(matches[i].Range);
        }

        Sentences = SplitSentences(Text);
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int TokenCount { get; }

    public int WordCount { get; }

    public IReadOnlyList<Range> Sentences { get; }

    public static ReplyText Of(string reply) => new(reply);

    public IReadOnlyList<Range> Find(PhraseCategory category) => _byCategory[(int)category];

    public bool Has(PhraseCategory category) => _byCategory[(int)category].Count > 0;

    /// <summary>Where the first phrase of <paramref name="category"/> starts, or int.MaxValue.</summary>
    public int FirstAt(PhraseCategory category)
    {
        var first = int.MaxValue;
        foreach (var range in _byCategory[(int)category])
        {
            first = Math.Min(first, range.Start.Value);
        }

        return first;
    }

    public bool InFirstSentence(Range range) => Sentences.Count > 0 && range.Start.Value < Sentences[0].End.Value;

    /// <summary>The sentences that end in a question mark.</summary>
    public IEnumerable<Range> Questions() => Sentences.Where(s => s.End.Value > 0 && Text[s.End.Value - 1] == '?');

    public static bool Contains(Range outer, Range inner) => inner.Start.Value >= outer.Start.Value && inner.End.Value <= outer.End.Value;

    private static List<Range> SplitSentences(string text)
    {
        var sentences = new List<Range>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ends = c is '\n' || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '"' or ')'));
            if (!ends)
            {
                continue;
            }

            while (i + 1 < text.Length && text[i + 1] is '.' or '!' or '?')
            {
                i++;
            }

            Add(start, i + 1);
            start = i + 1;
        }

        Add(start, text.Length);
        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                sentences.Add(from..to);
            }
        }
    }
}
