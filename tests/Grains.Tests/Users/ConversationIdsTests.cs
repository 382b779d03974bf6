using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Tests.Users;

/// <summary>Conversation ids derived from request ids: stable, and always within the varchar(64) column.</summary>
public sealed class ConversationIdsTests
{
    [Fact]
    public void TelegramRequestId_IsTheConversationId()
    {
        Assert.Equal("tg_-1001234567890_98765", ConversationIds.ForRequest("tg_-1001234567890_98765"));
    }

    [Theory]
    [InlineData("a request id with spaces and ünïcode")]
    [InlineData("x-0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void LongOrUnusualRequestId_IsHashed_StablyAndWithinTheColumn(string requestId)
    {
        var id = ConversationIds.ForRequest(requestId);

        Assert.Equal(id, ConversationIds.ForRequest(requestId));
        Assert.StartsWith("rq_", id, StringComparison.Ordinal);
        Assert.Equal(ConversationIds.MaxLength, id.Length);
    }
}
