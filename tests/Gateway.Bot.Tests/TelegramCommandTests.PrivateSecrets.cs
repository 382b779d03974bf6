using System.Text.RegularExpressions;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Connection strings and passwords in a private chat: read, acted on, and not left lying around.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task Private_AddDb_DeletesTheConnectionStringAndSaysWhy()
    {
        var user = await BotPeople.StandaloneAsync(fixture);
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);

        var messageId = user.Write($"/adddb Shop sqlite:///{shop}");
        var reply = await user.ReplyAfterAsync(messageId);

        Assert.Contains("added", reply.Text, StringComparison.Ordinal);
        Assert.Contains("I deleted your message because it contained the connection string", reply.Text, StringComparison.Ordinal);
        Assert.Contains(new DeletedMessage(user.Id, messageId), fixture.Telegram.DeletedMessageLog.Snapshot());
    }

    [Fact]
    public async Task Private_ResetPassword_SendsANewOneAndTheOldStopsWorking()
    {
        var user = await BotPeople.StandaloneAsync(fixture);
        var first = Login(await user.SayAsync("/createorg Resetters", message => message.Text.Contains("Password:", StringComparison.Ordinal)));

        var second = Login(await user.SayAsync("/resetpassword", message => message.Text.Contains("Password:", StringComparison.Ordinal)));

        Assert.Equal(first.Username, second.Username);
        Assert.NotEqual(first.Password, second.Password);
        var account = fixture.Silo.Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(second.Username));
        Assert.Null(await account.VerifyAsync(first.Password));
        Assert.NotNull(await account.VerifyAsync(second.Password));
    }

    private static (string Username, string Password) Login(SentMessage credentials)
    {
        var match = LoginLines().Match(credentials.Text);
        Assert.True(match.Success, credentials.Text);
        return (match.Groups[1].Value, System.Net.WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    [GeneratedRegex("Username: <code>([^<]+)</code>\nPassword: <code>([^<]+)</code>")]
    private static partial Regex LoginLines();
}
