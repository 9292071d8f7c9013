using Rapport.Core.Coaching;
using Rapport.Core.Coaching.Mechanisms;

namespace Rapport.Core.Tests.Coaching.Mechanisms;

public sealed class MechanismPhraseBankTests
{
    // The classes the detector's code rules look up, kept tiny.
    private const string RequiredClasses = """
        @function-words = the | a | to | you | i | is | it
        @you = you | your
        @question-openers = what | why | how
        @generic-question-words = happened | feel
        @auxiliaries = do | are | is | have
        @you-subject = you
        @question-lead-ins = but
        @advice-words = should
        """;

    private static EmpathyMechanismDetector DetectorFor(string phrases) =>
        new(MechanismPhraseBank.Parse(new StringReader(RequiredClasses + "\n" + phrases), "test.txt"));

    [Fact]
    public void LoadEmbedded_ParsesTheShippedFile()
    {
        var bank = MechanismPhraseBank.LoadEmbedded();

        Assert.True(bank.Rules.Length > 100);
        Assert.NotEmpty(bank.Class("function-words"));
    }

    [Theory]
    [InlineData("so sorry", MechanismLevel.Strong)]
    [InlineData("sorry", MechanismLevel.Strong)]
    [InlineData("so sad", MechanismLevel.None)]
    public void Parse_OptionalWord_MatchesWithAndWithout(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, DetectorFor("ER 2 so? sorry").Detect(reply, "").EmotionalReactions);

    [Theory]
    [InlineData("take care of yourself", MechanismLevel.Weak)]
    [InlineData("take good care of your cat", MechanismLevel.Weak)]
    [InlineData("take the very very long care", MechanismLevel.None)]
    public void Parse_Gap_SpansUpToThreeWords(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, DetectorFor("ER 1 take ... care").Detect(reply, "").EmotionalReactions);

    [Fact]
    public void Parse_ClassesAlternativesAndVariants_Match()
    {
        var detector = DetectorFor("""
            ~ im = i'm
            @feeling = sad | angry
            ER 2 (i'm|i am) (so|really)? @feeling for you
            """);

        Assert.Equal(MechanismLevel.Strong, detector.Detect("Im so angry for you", "").EmotionalReactions);
        Assert.Equal(MechanismLevel.Strong, detector.Detect("I am sad for you", "").EmotionalReactions);
        Assert.Equal(MechanismLevel.None, detector.Detect("I am happy for you", "").EmotionalReactions);
    }

    [Fact]
    public void Parse_NotInSet_ExcludesTheWords()
    {
        var detector = DetectorFor("IP 2 i !(think|hope)");

        Assert.Equal(MechanismLevel.Strong, detector.Detect("I cried a lot", "").Interpretations);
        Assert.Equal(MechanismLevel.None, detector.Detect("I think so", "").Interpretations);
    }

    [Fact]
    public void Parse_Anchors_RequireSentenceStartAndEnd()
    {
        var detector = DetectorFor("ER 1 ^ same $");

        Assert.Equal(MechanismLevel.Weak, detector.Detect("Well. Same!", "").EmotionalReactions);
        Assert.Equal(MechanismLevel.None, detector.Detect("the same thing", "").EmotionalReactions);
    }

    [Fact]
    public void Veto_DropsOverlappingPhrasesOfItsMechanismOnly()
    {
        var detector = DetectorFor("""
            ER 2 sorry
            ER 0 sorry for my english
            IP 1 sorry
            """);

        var result = detector.Detect("Sorry for my English", "");

        Assert.Equal(MechanismLevel.None, result.EmotionalReactions);
        Assert.Equal(MechanismLevel.Weak, result.Interpretations);
    }

    [Fact]
    public void LongerPhrase_DecidesOverThePhraseItContains()
    {
        var detector = DetectorFor("""
            ER 2 sorry
            ER 1 sorry for the delay
            """);

        Assert.Equal(MechanismLevel.Weak, detector.Detect("Sorry for the delay.", "").EmotionalReactions);
        Assert.Equal(MechanismLevel.Strong, detector.Detect("Sorry. The delay is over.", "").EmotionalReactions);
    }

    [Fact]
    public void Phrases_DoNotCrossSentences()
    {
        var detector = DetectorFor("ER 1 hang in there");

        Assert.Equal(MechanismLevel.None, detector.Detect("Hang in. There we go.", "").EmotionalReactions);
    }

    [Theory]
    [InlineData("XX 1 hello", "Unknown mechanism")]
    [InlineData("ER 3 hello", "not 0, 1 or 2")]
    [InlineData("ER 1 (hello", "Missing ')'")]
    [InlineData("ER 1 hello @nowhere", "Unknown class")]
    [InlineData("ER 1", "Expected")]
    public void Parse_MalformedLine_ThrowsFormatExceptionNamingTheLine(string line, string message)
    {
        var error = Assert.Throws<FormatException>(
            () => MechanismPhraseBank.Parse(new StringReader("# comment\n\n" + line), "phrases.txt"));

        Assert.StartsWith("phrases.txt(3):", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_Unknown_Throws()
    {
        var bank = MechanismPhraseBank.Parse(new StringReader("@a = b | c"), "t");

        Assert.Throws<KeyNotFoundException>(() => bank.Class("missing"));
        Assert.Equal(2, bank.Class("a").Count);
    }
}
