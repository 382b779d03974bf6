using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>In a group everyone reads along: secrets never stay there, and answers show whose question they answer.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task Group_AddDb_IsRefusedDeletedAndNotSaved()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var group = GroupOf(owner);
        var before = await fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0).ListUsableAsync(owner.Id);

        var messageId = fixture.Telegram.EnqueueGroupMessage(group, owner.Id, "/adddb Sales Host=db;Password=secret");
        var reply = await GroupReplyAfterAsync(group, messageId);

        Assert.Contains("private chat", reply.Text, StringComparison.Ordinal);
        Assert.Contains("I deleted your message", reply.Text, StringComparison.Ordinal);
        Assert.Contains(new DeletedMessage(group, messageId), fixture.Telegram.DeletedMessageLog.Snapshot());
        var after = await fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0).ListUsableAsync(owner.Id);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain("Sales", (await owner.SayAsync("/selectdb")).ReplyMarkup ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_CreateOrg_KeepsThePasswordOutOfTheGroup()
    {
        var user = await BotPeople.StandaloneAsync(fixture);
        var group = GroupOf(user);

        var messageId = fixture.Telegram.EnqueueGroupMessage(group, user.Id, "/createorg Groupies");
        var note = await GroupReplyAfterAsync(group, messageId, message => message.Text.Contains("private chat", StringComparison.Ordinal));

        Assert.Contains("dashboard login", note.Text, StringComparison.Ordinal);
        AssertNoPasswordIn(group);
        Assert.Empty(user.Calls("sendMessage")); // nothing was sent privately unasked either
    }

    [Fact]
    public async Task Group_ResetPassword_IsSentToThePrivateChatOnly()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var group = GroupOf(owner);

        var messageId = fixture.Telegram.EnqueueGroupMessage(group, owner.Id, "/resetpassword");
        var note = await GroupReplyAfterAsync(group, messageId);

        Assert.Contains("private chat", note.Text, StringComparison.Ordinal);
        AssertNoPasswordIn(group);
    }

    [Fact]
    public async Task Group_Question_IsAnsweredInTheGroupAsAReplyToTheAsker()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var group = GroupOf(asker);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hello, group!" }, 10, 5);

        var messageId = fixture.Telegram.EnqueueGroupMessage(group, asker.Id, "Say hello to everyone");
        var answer = await GroupReplyAfterAsync(group, messageId, message => message.Text.Contains("Hello, group!", StringComparison.Ordinal));

        Assert.Equal(messageId, answer.ReplyToMessageId);
        Assert.Empty(asker.Calls("sendMessage"));
    }

    // Each test gets its own group, so replies from other tests never match.
    private static long GroupOf(BotUser user) => -user.Id;

    private Task<SentMessage> GroupReplyAfterAsync(long group, int messageId, Func<SentMessage, bool>? matching = null) =>
        fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == group && message.MessageId > messageId && (matching?.Invoke(message) ?? true),
            BotTelegramFixture.Patience);

    private void AssertNoPasswordIn(long group)
    {
        var groupId = group.ToString(CultureInfo.InvariantCulture);
        foreach (var call in fixture.Telegram.Requests.Snapshot().Where(call => call.Parameters.GetValueOrDefault("chat_id") == groupId))
        {
            Assert.DoesNotContain("Password:", call.Parameters.GetValueOrDefault("text") ?? "", StringComparison.Ordinal);
        }
    }
}
