using Microsoft.Extensions.Configuration;
using OrleansAssistant.Gateway.Bot.Webhook;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>How the bot reaches Telegram (section <c>Telegram</c>; the token also from <c>TELEGRAM_BOT_TOKEN</c>).</summary>
public sealed record TelegramSettings
{
    public const string Section = "Telegram";
    public const string TokenVariable = "TELEGRAM_BOT_TOKEN";

    /// <summary>The bot's token from BotFather; the bot stays off without one.</summary>
    public string? BotToken { get; init; }

    /// <summary>Bot API server: Telegram's, or a self-hosted or test server.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.telegram.org");

    /// <summary>Whether the bot asks Telegram for updates or Telegram posts them to us.</summary>
    public UpdateMode Mode { get; init; } = UpdateMode.Polling;

    /// <summary>Webhook mode only: where Telegram posts updates, and the secret it sends with each.</summary>
    public WebhookSettings? Webhook { get; init; }

    /// <summary>How long the gateway keeps retrying a grain call while part of the cluster is down (<c>ClusterRetrySeconds</c>, default 30), before it asks the person to send again.</summary>
    public TimeSpan ClusterRetry { get; init; } = DefaultClusterRetry;

    /// <summary>Covers Orleans' failure detection (about 15 s) with room to spare.</summary>
    public static readonly TimeSpan DefaultClusterRetry = TimeSpan.FromSeconds(30);

    public bool Enabled => BotToken is not null;

    public bool UsesWebhook => Enabled && Mode == UpdateMode.Webhook;

    public static TelegramSettings Read(IConfiguration configuration)
    {
        var urlKey = $"{Section}:ApiBaseUrl";
        var url = SettingReader.Text(configuration, urlKey, "https://api.telegram.org");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidSettingException(urlKey, $"must be an http(s) URL (got '{url}').");
        }
        var token = SettingReader.OptionalText(configuration, $"{Section}:BotToken") ?? SettingReader.OptionalText(configuration, TokenVariable);
        if (token is not null && !token.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidSettingException(TokenVariable, "does not look like a bot token from BotFather (expected '<digits>:<secret>').");
        }
        var mode = SettingReader.Enum(configuration, $"{Section}:Mode", UpdateMode.Polling);
        return new TelegramSettings
        {
            BotToken = token,
            ApiBaseUrl = baseUrl,
            Mode = mode,
            Webhook = mode == UpdateMode.Webhook ? WebhookSettings.Read(configuration) : null,
            ClusterRetry = TimeSpan.FromSeconds(SettingReader.Count(configuration, $"{Section}:ClusterRetrySeconds", (int)DefaultClusterRetry.TotalSeconds)),
        };
    }
}

/// <summary>How updates reach the bot.</summary>
public enum UpdateMode
{
    /// <summary>The bot long-polls getUpdates; only one process may do so per bot.</summary>
    Polling,

    /// <summary>Telegram posts each update to our HTTPS endpoint; any number of gateways may serve it.</summary>
    Webhook,
}
