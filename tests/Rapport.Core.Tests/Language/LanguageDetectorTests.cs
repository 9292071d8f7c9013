using Rapport.Core.Language;

namespace Rapport.Core.Tests.Language;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    public static TheoryData<string, string> Typical => LanguageSamples.TypicalData();

    [Theory]
    [MemberData(nameof(Typical))]
    public void Detect_TypicalSupportMessage_ReturnsItsLanguage(string language, string text)
    {
        var guess = Detector.Detect(text);

        Assert.Equal(language, guess.Code);
        Assert.InRange(guess.Confidence, 0.3, 1.0);
    }

    [Fact]
    public void Detect_AllSamples_IsAtLeast95PercentAccurate()
    {
        var samples = LanguageSamples.All.ToList();
        var misses = samples.Where(s => Detector.Detect(s.Text).Code != s.Language).ToList();

        var accuracy = 1.0 - (double)misses.Count / samples.Count;

        Assert.True(samples.Count >= 70 && samples.Select(s => s.Language).Distinct().Count() == 7, "the table covers 7 languages, 70+ sentences");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}; missed: {string.Join(" | ", misses.Select(m => $"{m.Language}: {m.Text}"))}");
    }

    [Theory]
    [InlineData("WHERE IS MY ORDER??? I WANT A REFUND NOW")]
    [InlineData("this is the worst service i have ever seen 🤬🤬🤬")]
    [InlineData("😡😡 still no refund. 3 weeks. UNBELIEVABLE!!!")]
    [InlineData("@AcmeHelp my package never came, tracking says delivered https://t.co/x1y2z3")]
    [InlineData("Don't you DARE close my ticket again")]
    [InlineData("ur app is garbage, cant even log in 🙄")]
    public void Detect_AngryOrNoisyEnglish_ReturnsEnglish(string text)
    {
        Assert.Equal("en", Detector.Detect(text).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 !!!")]
    [InlineData("😡😡😡")]
    [InlineData("👍🏽 :) <3")]
    [InlineData("#5521 - 12/03/2025 $49.99")]
    public void Detect_NoLetters_ReturnsUndetermined(string text)
    {
        var guess = Detector.Detect(text);

        Assert.Equal(LanguageGuess.Undetermined, guess);
        Assert.Equal("und", guess.Code);
        Assert.Equal(0, guess.Confidence);
    }

    [Theory]
    [InlineData("我的订单在哪里")]
    [InlineData("Где мой заказ?")]
    public void Detect_UnsupportedScript_ReturnsUndetermined(string text)
    {
        Assert.Equal("und", Detector.Detect(text).Code);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("thanks!")]
    [InlineData("no")]
    [InlineData("a")]
    [InlineData("so")]
    [InlineData("Hi")]
    [InlineData("lol")]
    [InlineData("OK 👍")]
    public void Detect_ShortAmbiguousText_PrefersEnglishWithLowConfidence(string text)
    {
        var guess = Detector.Detect(text);

        Assert.Equal("en", guess.Code);
        Assert.InRange(guess.Confidence, 0, 0.35);
    }

    [Theory]
    [InlineData("gracias", "es")]
    [InlineData("merci", "fr")]
    [InlineData("danke", "de")]
    [InlineData("obrigado", "pt")]
    [InlineData("grazie", "it")]
    [InlineData("bedankt", "nl")]
    [InlineData("thanks", "en")]
    public void Detect_OneDistinctiveWord_ReturnsItsLanguageWithLowConfidence(string text, string language)
    {
        var guess = Detector.Detect(text);

        Assert.Equal(language, guess.Code);
        Assert.InRange(guess.Confidence, 0.01, 0.35);
    }

    [Theory]
    [InlineData("gracias", "Muchas gracias, el reembolso ya llegó a mi cuenta y todo está perfecto")]
    [InlineData("refund", "I finally got my refund today, thank you so much for all your help with this")]
    [InlineData("Bestellung", "Meine Bestellung ist heute angekommen, vielen Dank für die schnelle Lieferung")]
    public void Detect_LongSentence_IsMoreConfidentThanOneWord(string word, string sentence)
    {
        var oneWord = Detector.Detect(word);
        var whole = Detector.Detect(sentence);

        Assert.Equal(oneWord.Code, whole.Code);
        Assert.True(whole.Confidence > oneWord.Confidence, $"{whole.Confidence} should exceed {oneWord.Confidence}");
        Assert.InRange(whole.Confidence, 0.6, 1.0);
    }

    [Theory]
    [InlineData("L'ordre n'est jamais arrivé, c'est honteux", "fr")]
    [InlineData("Dov'è finito l'ordine? Nell'app non c'è niente", "it")]
    [InlineData("The customer's parcel hasn’t shipped and they’re upset", "en")]
    [InlineData("Ich habe ein E-Mail bekommen, aber das T-Shirt fehlt", "de")]
    [InlineData("Llegó roto.", "es")]
    [InlineData("Não chegou", "pt")]
    public void Detect_ElisionsApostrophesAndHyphens_ReturnsItsLanguage(string text, string language)
    {
        Assert.Equal(language, Detector.Detect(text).Code);
    }

    [Fact]
    public void Detect_DecomposedAccents_MatchesComposedText()
    {
        const string composed = "Ma commande n'est pas arrivée, je suis très déçu";
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(Detector.Detect(composed).Code, Detector.Detect(decomposed).Code);
    }

    [Fact]
    public void Detect_VeryLongText_ReadsOnlyTheFirstWords()
    {
        var english = string.Concat(Enumerable.Repeat("my order is late and I want a refund ", 20));
        var text = english + string.Concat(Enumerable.Repeat("mi pedido llegó tarde y quiero un reembolso ", 100));

        Assert.Equal("en", Detector.Detect(text).Code);
    }

    [Fact]
    public void Detect_AnyText_ConfidenceIsBetweenZeroAndOne()
    {
        foreach (var (_, text) in LanguageSamples.All)
        {
            Assert.InRange(Detector.Detect(text).Confidence, 0, 1);
        }
    }

    [Fact]
    public void Detect_ConcurrentCalls_MatchSequentialResults()
    {
        var texts = LanguageSamples.All.Select(s => s.Text).ToArray();
        var expected = texts.Select(t => Detector.Detect(t)).ToArray();
        var actual = new LanguageGuess[texts.Length * 50];

        Parallel.For(0, actual.Length, i => actual[i] = Detector.Detect(texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }

    [Fact]
    public void Default_CalledTwice_ReturnsTheSameInstance()
    {
        Assert.Same(LanguageDetector.Default, LanguageDetector.Default);
    }

    [Fact]
    public void SupportedLanguages_Default_ListsSevenLanguagesEnglishFirst()
    {
        Assert.Equal(["en", "es", "fr", "de", "pt", "it", "nl"], Detector.SupportedLanguages);
    }

    [Fact]
    public void Undetermined_Always_HasCodeUndAndZeroConfidence()
    {
        Assert.Equal(new LanguageGuess("und", 0), LanguageGuess.Undetermined);
    }
}
