using Rapport.Core.Language;

namespace Rapport.Core.Tests.Language;

public sealed class LanguageProfilesTests
{
    private const string Languages = "# comment\nen\tEnglish\nes\tSpanish\n";

    [Fact]
    public void LoadEmbedded_Default_HasAFewHundredWordsPerLanguage()
    {
        var profiles = LanguageProfiles.LoadEmbedded();

        for (var language = 0; language < profiles.Languages.Length; language++)
        {
            var words = profiles.Words.Values.Count(r => profiles.Evidence.AsSpan(r.Start, r.Count).ToArray().Any(e => e.Language == language));
            Assert.True(words >= 200, $"{profiles.Languages[language]} has only {words} words");
        }

        Assert.True(profiles.Ngrams.Count >= 100);
    }

    [Theory]
    [InlineData("the", "en")]
    [InlineData("and", "en")]
    [InlineData("und", "de")]
    [InlineData("het", "nl")]
    [InlineData("el", "es")]
    [InlineData("ção", "pt")]
    [InlineData("gli", "it")]
    [InlineData("œil", "fr")]
    public void Detect_FunctionWordOrCue_FavoursItsLanguage(string text, string language)
    {
        Assert.Equal(language, LanguageDetector.Default.Detect(text).Code);
    }

    [Fact]
    public void Parse_ValidFiles_BuildsWordsNgramsAndNeutralWords()
    {
        var detector = Create("en\t4\tthe and\nes\t4\tel y\nes\t2\tthe\n*\t0\tok\n", "es\t3\tñ ción\nes\t2\t¿\n");

        Span<float> scores = stackalloc float[2];
        detector.Score("the", scores, out var hasEvidence);
        Assert.True(hasEvidence);
        Assert.Equal([4f, 2f], scores.ToArray());

        detector.Score("ok", scores, out hasEvidence);
        Assert.False(hasEvidence);

        Assert.Equal("es", detector.Detect("¿niño?").Code);
    }

    [Fact]
    public void Parse_UnknownWordWithManyCues_CapsItsNgramScore()
    {
        var detector = Create("en\t4\tthe\n", "es\t2\tñ ció ión\n");

        Span<float> scores = stackalloc float[2];
        detector.Score("ñañañacioñ", scores, out _);

        Assert.Equal(LanguageDetector.NgramWordCap, scores[1]);
    }

    [Theory]
    [InlineData("en\t4\tthe the\n", "listed twice")]
    [InlineData("xx\t4\tthe\n", "unknown language")]
    [InlineData("en\tlots\tthe\n", "weight")]
    [InlineData("en\t0\tthe\n", "weight")]
    [InlineData("*\t1\tok\n", "neutral")]
    [InlineData("en\t4\tThe\n", "lowercase")]
    [InlineData("en\t4\n", "expected")]
    public void Parse_InvalidWords_ThrowsWithFileAndLine(string words, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => Create(words, ""));

        Assert.Contains("words.tsv line 1", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("en\t1\ttoolong\n")]
    [InlineData("en\t1\tt_h\n")]
    [InlineData("en\t1\t!\n")]
    public void Parse_InvalidNgrams_Throws(string ngrams)
    {
        Assert.Throws<InvalidDataException>(() => Create("en\t4\tthe\n", ngrams));
    }

    [Theory]
    [InlineData("english\tEnglish\n")]
    [InlineData("en\tEnglish\nen\tEnglish again\n")]
    [InlineData("# nothing\n")]
    public void Parse_InvalidLanguages_Throws(string languages)
    {
        Assert.Throws<InvalidDataException>(() =>
            LanguageProfiles.Parse(new StringReader(languages), new StringReader(""), new StringReader("")));
    }

    private static LanguageDetector Create(string words, string ngrams) =>
        new(LanguageProfiles.Parse(new StringReader(Languages), new StringReader(words), new StringReader(ngrams)));
}
