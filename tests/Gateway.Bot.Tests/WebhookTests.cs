using System.Net;
using System.Text;
using OrleansAssistant.Hosting;
using OrleansAssistant.Silo;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The bot in webhook mode inside the single-node silo: Telegram posts updates to the silo's web port.</summary>
public sealed class WebhookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string PublicUrl = "https://bot.example.com/telegram/webhook";
    private const string Secret = "webhook-Secret_123";

    [Fact]
    public async Task Silo_InWebhookMode_RegistersWebhookWithUrlAndSecretAndDoesNotPoll()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var silo = await InProcessSilo.StartAsync(WebhookSettings(folder.Path, telegram.BaseUrl));

        var setWebhook = await telegram.WaitForCallAsync("setWebhook", Patience);

        Assert.Equal(PublicUrl, setWebhook.Parameters["url"]);
        Assert.Equal(Secret, setWebhook.Parameters["secret_token"]);
        Assert.DoesNotContain("getUpdates", telegram.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task Webhook_WithMissingOrWrongSecret_Answers401AndSendsNothing(string? secret)
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = WebhookSettings(folder.Path, telegram.BaseUrl);
        await using var silo = await InProcessSilo.StartAsync(settings);
        await telegram.WaitForCallAsync("setWebhook", Patience);

        using var response = await PostUpdateAsync(settings, StartUpdate(chatId: 7101), secret);
        await Task.Delay(500); // room for a wrongly accepted update to be answered

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(telegram.SentMessages, message => message.ChatId == 7101);
    }

    [Fact]
    public async Task Webhook_WithRightSecret_Answers200AndRepliesThroughTelegram()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = WebhookSettings(folder.Path, telegram.BaseUrl);
        await using var silo = await InProcessSilo.StartAsync(settings);
        await telegram.WaitForCallAsync("setWebhook", Patience);

        using var response = await PostUpdateAsync(settings, StartUpdate(chatId: 7102), Secret);
        var reply = await telegram.WaitForSentMessageAsync(message => message.ChatId == 7102, Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_InWebhookMode_OnStop_DeletesWebhook()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var silo = await InProcessSilo.StartAsync(WebhookSettings(folder.Path, telegram.BaseUrl));
        await telegram.WaitForCallAsync("setWebhook", Patience);

        await silo.DisposeAsync();

        Assert.Equal("deleteWebhook", telegram.Calls[^1]);
    }

    [Theory]
    [InlineData("Telegram:WebhookUrl", null, "Telegram:WebhookUrl")]
    [InlineData("Telegram:WebhookUrl", "http://bot.example.com/telegram/webhook", "Telegram:WebhookUrl")]
    [InlineData("Telegram:WebhookSecret", null, "Telegram:WebhookSecret")]
    [InlineData("Telegram:WebhookSecret", "no spaces or slashes/allowed", "Telegram:WebhookSecret")]
    [InlineData("Telegram:Mode", "Push", "Telegram:Mode")]
    public void WebhookSettings_WhenBad_StopStartupNamingTheSetting(string key, string? value, string expectedSetting)
    {
        using var folder = new TempDirectory();
        var settings = WebhookSettings(folder.Path, "http://127.0.0.1:9");
        settings[key] = value;

        var error = Assert.Throws<InvalidSettingException>(() => AssistantSilo.Build([], settings));

        Assert.Equal(expectedSetting, error.Setting);
    }

    private static Dictionary<string, string?> WebhookSettings(string dataDirectory, string telegramBaseUrl)
    {
        var settings = BotSilo.Settings(dataDirectory, telegramBaseUrl, FakeTelegramServer.DefaultToken);
        settings["Telegram:Mode"] = "Webhook";
        settings["Telegram:WebhookUrl"] = PublicUrl;
        settings["Telegram:WebhookSecret"] = Secret;
        return settings;
    }

    private static async Task<HttpResponseMessage> PostUpdateAsync(Dictionary<string, string?> settings, string updateJson, string? secret)
    {
        using var http = new HttpClient { BaseAddress = new Uri(settings["Dashboard:Urls"]!) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(updateJson, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await http.SendAsync(request);
    }

    /// <summary>The update Telegram posts when a person sends /start in a private chat.</summary>
    private static string StartUpdate(long chatId) => $$"""
        {"update_id": {{chatId}},
         "message": {"message_id": 1, "date": 1700000000, "text": "/start",
                     "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                     "from": {"id": {{chatId}}, "is_bot": false, "first_name": "Ann"},
                     "chat": {"id": {{chatId}}, "type": "private", "first_name": "Ann"} } }
        """;
}
