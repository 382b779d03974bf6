using OrleansAssistant.TestSupport.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The fake's deleteMessage and group chats, as the production client sees them.</summary>
public sealed class TelegramGroupAndDeleteFakeTests
{
    [Fact]
    public async Task DeleteMessage_ExistingThenAgain_SucceedsOnceThenIsNotFound()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeTelegramServer.DefaultToken, telegram.BaseUrl), http);
        var messageId = telegram.EnqueueUserMessage(42, 42, "/adddb Shop secret");

        await bot.DeleteMessage(42, messageId);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DeleteMessage(42, messageId));
        var otherChat = await Assert.ThrowsAsync<ApiRequestException>(() => bot.DeleteMessage(43, messageId));

        Assert.Equal(400, again.ErrorCode);
        Assert.Equal("Bad Request: message to delete not found", again.Message);
        Assert.Equal(400, otherChat.ErrorCode);
        Assert.Equal([new DeletedMessage(42, messageId)], telegram.DeletedMessageLog.Snapshot());
    }

    [Fact]
    public async Task GroupMessage_ArrivesAsAGroupUpdateFromTheUser()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeTelegramServer.DefaultToken, telegram.BaseUrl), http);

        var messageId = telegram.EnqueueGroupMessage(-1001, 42, "hello all");
        var message = Assert.Single(await bot.GetUpdates()).Message!;
        var reply = await bot.SendMessage(-1001, "hi", replyParameters: new ReplyParameters { MessageId = messageId });

        Assert.Equal(ChatType.Group, message.Chat.Type);
        Assert.Equal("Group 1001", message.Chat.Title);
        Assert.Equal(42, message.From!.Id);
        Assert.Equal(ChatType.Group, reply.Chat.Type);
        Assert.Equal(messageId, Assert.Single(telegram.SentMessages).ReplyToMessageId);
        Assert.Throws<ArgumentOutOfRangeException>(() => telegram.EnqueueGroupMessage(42, 42, "not a group"));
    }
}
