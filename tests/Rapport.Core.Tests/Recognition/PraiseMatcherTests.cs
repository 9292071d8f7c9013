using Rapport.Core.Recognition;

namespace Rapport.Core.Tests.Recognition;

public sealed class PraiseMatcherTests
{
    private static string? Praise(string text, string agent = "Sam Rivera", bool gratitude = true) =>
        PraiseMatcher.FindPraise(text, agent, gratitude) is { } range ? text[range] : null;

    [Fact]
    public void FindPraise_ThanksWithFirstName_ReturnsTheSentence() =>
        Assert.Equal("Thanks so much Sam, you were brilliant!", Praise("The parcel came today. Thanks so much Sam, you were brilliant! Bye"));

    [Theory]
    [InlineData("sam was a star")]
    [InlineData("Please thank SAM for me")]
    [InlineData("Sam's help was amazing.")]
    [InlineData("Really appreciate it, Sam")]
    public void FindPraise_NameAndPraiseInOneSentence_Matches(string text) => Assert.NotNull(Praise(text));

    [Fact]
    public void FindPraise_WithoutGratitudeReading_ReturnsNull() =>
        Assert.Null(Praise("Thanks so much Sam, you were brilliant", gratitude: false));

    [Theory]
    [InlineData("Thanks so much, you were brilliant")]
    [InlineData("Thanks so much Samantha, you were brilliant")]
    [InlineData("Thanks a lot. Sam sent the label")]
    [InlineData("Sam was not helpful")]
    [InlineData("Sam wasn't great, honestly")]
    public void FindPraise_OtherNameSplitSentenceOrNegated_ReturnsNull(string text) => Assert.Null(Praise(text));

    [Fact]
    public void FindPraise_OneLetterFirstName_ReturnsNull() => Assert.Null(Praise("Thanks J, brilliant", agent: "J Smith"));

    [Theory]
    [InlineData("Sam Rivera", "Sam")]
    [InlineData("  Priya  ", "Priya")]
    [InlineData("", "")]
    public void FirstName_FirstWord(string full, string expected) => Assert.Equal(expected, PraiseMatcher.FirstName(full).ToString());
}
