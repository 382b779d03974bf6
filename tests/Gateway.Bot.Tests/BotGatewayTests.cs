using OrleansAssistant.Hosting;
using OrleansAssistant.Silo;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The bot as it runs inside the single-node silo, talking to Telegram over HTTP.</summary>
public sealed class BotGatewayTests
{
    // Generous: a silo start plus a long-poll round trip on a busy two-core machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Silo_WithToken_StartsBotWhichRepliesThroughTelegram()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var silo = await InProcessSilo.StartAsync(BotSilo.Settings(folder.Path, telegram.BaseUrl, FakeTelegramServer.DefaultToken));

        await telegram.WaitForCallAsync("getUpdates", Patience);
        var calls = telegram.Calls;
        Assert.Equal("getMe", calls[0]); // the token is checked before polling starts
        Assert.Contains("getUpdates", calls);

        telegram.EnqueueUserMessage(chatId: 5001, userId: 5001, "How many orders came in yesterday?");
        var answer = await telegram.WaitForSentMessageAsync(message => message.ChatId == 5001, Patience);

        Assert.Equal("Send /start first.", answer.Text); // a stranger's question is answered by the user grain, at once
        Assert.All(telegram.Requests.Snapshot(), call => Assert.True(call.TokenAccepted, $"{call} used another token"));
    }

    [Fact]
    public async Task Silo_WithRejectedToken_KeepsRunningWithoutBot()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync("654321:TOKEN-the-bot-does-not-have");
        await using var silo = await InProcessSilo.StartAsync(BotSilo.Settings(folder.Path, telegram.BaseUrl, FakeTelegramServer.DefaultToken));

        var bot = silo.Bot();
        Assert.NotNull(bot);
        // The bot's service ends after the 401; from then on it can make no further call.
        await bot.ExecuteTask!.WaitAsync(Patience);
        await silo.WaitUntilHealthyAsync(Patience);

        Assert.True(bot.ExecuteTask.IsCompletedSuccessfully, "the bot should stop quietly, not crash");
        Assert.False(silo.IsStopping);
        Assert.DoesNotContain("getUpdates", telegram.Calls);
        Assert.Equal(["getMe"], telegram.Calls); // one look at the token, then silence
    }

    [Fact]
    public async Task Silo_WhenTelegramIsDownAtStart_KeepsRunningAndConnectsOnceItIsBack()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.Unavailable = true;
        await using var silo = await InProcessSilo.StartAsync(BotSilo.Settings(folder.Path, telegram.BaseUrl, FakeTelegramServer.DefaultToken));

        await telegram.WaitForCallAsync("getMe", Patience);
        telegram.Unavailable = false;
        await telegram.WaitForCallAsync("getUpdates", Patience);
        telegram.EnqueueUserMessage(chatId: 5002, userId: 5002, "/start");
        var reply = await telegram.WaitForSentMessageAsync(message => message.ChatId == 5002, Patience);

        Assert.False(silo.IsStopping);
        Assert.True(telegram.Calls.Count(method => method == "getMe") >= 2, "the bot should have retried getMe");
        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_WithoutToken_DoesNotCallTelegram()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var silo = await InProcessSilo.StartAsync(BotSilo.Settings(folder.Path, telegram.BaseUrl, botToken: ""));

        await silo.WaitUntilHealthyAsync(Patience);

        Assert.Null(silo.Bot());
        Assert.Empty(telegram.Calls);
    }

    [Theory]
    [InlineData("Telegram:BotToken")]
    [InlineData(TelegramSettings.TokenVariable)]
    public void TelegramSettings_WithMalformedToken_StopsStartupNamingTheSetting(string key)
    {
        using var folder = new TempDirectory();
        var settings = BotSilo.Settings(folder.Path, "http://127.0.0.1:9", botToken: "");
        settings[key] = "no-colon-in-this-token";

        var error = Assert.Throws<InvalidSettingException>(() => AssistantSilo.Build([], settings));

        Assert.Equal(TelegramSettings.TokenVariable, error.Setting);
        Assert.Contains("TELEGRAM_BOT_TOKEN", error.Message, StringComparison.Ordinal);
    }
}
