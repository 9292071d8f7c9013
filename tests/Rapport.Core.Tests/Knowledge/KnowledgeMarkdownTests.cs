using Rapport.Core.Knowledge;

namespace Rapport.Core.Tests.Knowledge;

public sealed class KnowledgeMarkdownTests
{
    [Fact]
    public void Parse_FrontMatter_TakesTitleSlugTagsAndLanguage()
    {
        var document = KnowledgeMarkdown.Parse("---\ntitle: \"Refunds: timing\"\nslug: refund-timing\ntags: [Refunds, billing, refunds]\nlanguage: pt-BR\n---\n\nBody text.\n", "x.md");

        Assert.Equal("Refunds: timing", document.Title);
        Assert.Equal("refund-timing", document.Slug);
        Assert.Equal(["refunds", "billing"], document.Tags);
        Assert.Equal("pt-br", document.Language);
        Assert.Equal("Body text.", document.Body);
    }

    [Fact]
    public void Parse_QuestionLines_AreCollectedInOrderWithoutDuplicates()
    {
        var document = KnowledgeMarkdown.Parse("---\ntitle: T\nquestion: Where is my parcel, please?\nquestion:   Is it lost?\nquestion: Is it lost?\n---\nBody.\n", "x.md");

        Assert.Equal(["Where is my parcel, please?", "Is it lost?"], document.Questions);
    }

    [Fact]
    public void Parse_EmptyQuestion_NamesTheLine()
    {
        var exception = Assert.Throws<KnowledgeFormatException>(() => KnowledgeMarkdown.Parse("---\ntitle: T\nquestion:\n---\nBody.\n", "x.md"));

        Assert.Equal(3, exception.Line);
    }

    [Fact]
    public void Parse_NoFrontMatter_TakesFirstHeadingAsTitleAndFileNameAsSlug()
    {
        var document = KnowledgeMarkdown.Parse("\n# Reset your password\n\nGo to **Sign in**.\n\n## Still stuck?\n\nContact us.", "/kb/Reset Your Password!.md");

        Assert.Equal("Reset your password", document.Title);
        Assert.Equal("reset-your-password", document.Slug);
        Assert.Empty(document.Tags);
        Assert.Equal("en", document.Language);
        Assert.StartsWith("Go to", document.Body, StringComparison.Ordinal);
        Assert.Contains("## Still stuck?", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: T\n", 1)]
    [InlineData("---\ntitle: T\nnonsense\n---\nB", 3)]
    [InlineData("---\ntitle: T\ncolour: red\n---\nB", 3)]
    [InlineData("---\ntitle: T\ntags: a, , b\n---\nB", 0)]
    [InlineData("Text first\n# Heading later\n", 1)]
    [InlineData("# T\n\nline\x01two", 3)]
    public void Parse_InvalidFile_ThrowsWithLine(string text, int line)
    {
        if (line == 0)
        {
            // Empty entries between commas are skipped, not an error.
            Assert.Equal(["a", "b"], KnowledgeMarkdown.Parse(text, "t.md").Tags);
            return;
        }

        var exception = Assert.Throws<KnowledgeFormatException>(() => KnowledgeMarkdown.Parse(text, "t.md"));
        Assert.Equal(line, exception.Line);
    }

    [Theory]
    [InlineData("Crème brûlée & co.", "creme-brulee-co")]
    [InlineData("  2FA -- lost phone ", "2fa-lost-phone")]
    public void SlugFromName_FoldsAccentsAndPunctuation(string name, string slug) => Assert.Equal(slug, KnowledgeMarkdown.SlugFromName(name));

    [Theory]
    [InlineData("ok-slug", true)]
    [InlineData("-bad", false)]
    [InlineData("Bad", false)]
    [InlineData("", false)]
    public void IsValidSlug_ChecksAlphabetAndHyphens(string slug, bool valid) => Assert.Equal(valid, KnowledgeMarkdown.IsValidSlug(slug));
}

public sealed class KnowledgePassagesTests
{
    [Fact]
    public void Split_Headings_StartPassagesAndRangesPointIntoTheBody()
    {
        const string Body = "Intro line.\n\n## First\n\nOne.\n\nTwo.\n\n### Second ##\nThree.";

        var passages = KnowledgePassages.Split(Body);

        Assert.Equal([null, "First", "Second"], passages.Select(p => p.Heading));
        Assert.Equal(["Intro line.", "One.\n\nTwo.", "Three."], passages.Select(p => Body[p.Range]));
    }

    [Fact]
    public void Split_LongSection_GroupsParagraphsAndKeepsAListWithItsIntroduction()
    {
        var paragraph = new string('a', 400);
        var body = $"{paragraph}\n\n{paragraph}\n\nDo this:\n\n- one\n- two\n\n{paragraph}";

        var passages = KnowledgePassages.Split(body);

        Assert.Equal(2, passages.Count);
        Assert.Equal($"{paragraph}\n\n{paragraph}", body[passages[0].Range]);
        Assert.StartsWith("Do this:\n\n- one\n- two", body[passages[1].Range], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_HeadingInsideCodeFence_IsNotAHeading()
    {
        const string Body = "```\n# not a heading\n```\n\n## Real";

        var passages = KnowledgePassages.Split(Body);

        Assert.Single(passages);
        Assert.Null(passages[0].Heading);
    }

    [Fact]
    public void Split_EmptyBody_HasNoPassages() => Assert.Empty(KnowledgePassages.Split("\n\n"));
}
