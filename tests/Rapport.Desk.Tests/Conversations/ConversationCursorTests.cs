using Rapport.Desk.Conversations;

namespace Rapport.Desk.Tests.Conversations;

public sealed class ConversationCursorTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var cursor = new ConversationCursor(ConversationSort.Priority, 63.99, 31);

        Assert.True(ConversationCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor!")]
    [InlineData("MXwy")]
    public void TryDecode_Garbage_ReturnsFalse(string text) => Assert.False(ConversationCursor.TryDecode(text, out _));
}
