using Rapport.Core.Text;

namespace Rapport.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static (Token[] Tokens, string Text) Tokenize(string text)
    {
        var buffer = new Token[Tokenizer.MaxTokens(text.Length)];
        var count = Tokenizer.Tokenize(text, buffer);
        return (buffer[..count], text);
    }

    [Fact]
    public void Tokenize_ContractionsAndPunctuationRuns_KeepsThemWhole()
    {
        var (tokens, text) = Tokenize("It isn't working!!! Why???");

        Assert.Equal(["It", "isn't", "working", "!!!", "Why", "???"], tokens.Select(t => text[t.Range]));
        Assert.Equal(TokenKind.Punctuation, tokens[3].Kind);
    }

    [Fact]
    public void Tokenize_CurlyApostrophe_HashesLikeStraightOne()
    {
        var (curly, _) = Tokenize("isn\u2019t");
        var (straight, _) = Tokenize("ISN'T");

        Assert.Equal(straight[0].Hash, curly[0].Hash);
    }

    [Fact]
    public void Tokenize_EmojiEmoticonsMentionsUrls_AreTheirOwnKinds()
    {
        var (tokens, text) = Tokenize("@acme broke it :( 😡😡 see https://x.example/a?b=1 <3 #42");

        Assert.Equal(TokenKind.Mention, tokens[0].Kind);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Emoticon && text[t.Range] == ":(");
        Assert.Equal(2, tokens.Count(t => t.Kind == TokenKind.Emoji));
        Assert.Contains(tokens, t => t.Kind == TokenKind.Url);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Emoticon && text[t.Range] == "<3");
    }

    [Fact]
    public void Tokenize_AllCapsWord_IsFlagged()
    {
        var (tokens, _) = Tokenize("This is NOT OK, I said");

        Assert.True(tokens[2].IsAllCaps);
        Assert.True(tokens[3].IsAllCaps);
        Assert.False(tokens[5].IsAllCaps);
    }

    [Fact]
    public void Tokenize_NumbersAndOrdinals_AreSeparated()
    {
        var (tokens, text) = Tokenize("order 12,345 arrived 3rd time at 10:30");

        Assert.Equal(TokenKind.Number, tokens[1].Kind);
        Assert.Equal("12,345", text[tokens[1].Range]);
        Assert.Equal(TokenKind.Word, tokens[3].Kind);
        Assert.Equal("10:30", text[tokens[^1].Range]);
    }

    [Fact]
    public void Tokenize_SmallDestination_StopsWithoutOverflow()
    {
        var buffer = new Token[2];
        Assert.Equal(2, Tokenizer.Tokenize("one two three four", buffer));
    }

    [Theory]
    [InlineData("damaged", "damage")]
    [InlineData("frustrating", "frustrated")]
    [InlineData("stopped", "stop")]
    [InlineData("orders", "order")]
    [InlineData("replacements", "replacement")]
    public void StemLength_WordForms_ShareAStem(string word, string other) =>
        Assert.Equal(other[..Stemmer.StemLength(other)], word[..Stemmer.StemLength(word)]);

    [Fact]
    public void StemLength_ShortWords_AreKept() => Assert.Equal(4, Stemmer.StemLength("late"));
}
