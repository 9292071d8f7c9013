using Rapport.Cli.Benchmarking;

namespace Rapport.Cli.Tests.Benchmarking;

public sealed class BenchCorpusTests
{
    [Fact]
    public void Messages_SameSeed_AreIdentical()
    {
        Assert.Equal(BenchCorpus.Messages(500, seed: 7), BenchCorpus.Messages(500, seed: 7));
        Assert.NotEqual(BenchCorpus.Messages(50, seed: 7), BenchCorpus.Messages(50, seed: 8));
    }

    [Fact]
    public void Messages_Always_AreTweetLengthSingleLines()
    {
        var messages = BenchCorpus.Messages(5_000);

        Assert.All(messages, m =>
        {
            Assert.InRange(m.Length, 10, BenchCorpus.MaxMessageLength);
            Assert.DoesNotContain('\n', m);
        });
        Assert.True(messages.Distinct().Count() > 1_000); // varied, not a handful of strings
    }

    [Fact]
    public void LongReply_Default_IsAboutAThousandCharactersOfWholeWords()
    {
        var reply = BenchCorpus.LongReply();

        Assert.InRange(reply.Length, 950, 1000);
        Assert.False(char.IsWhiteSpace(reply[^1]));
    }

    [Fact]
    public void Conversation_Always_HasFiveMessages()
    {
        Assert.Equal(5, BenchCorpus.Conversation().Length);
    }
}
