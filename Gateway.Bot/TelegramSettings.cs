using Microsoft.Extensions.Configuration;
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

    public bool Enabled => BotToken is not null;

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
        return new TelegramSettings { BotToken = token, ApiBaseUrl = baseUrl };
    }
}
