using Microsoft.Extensions.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Bot.Webhook;

/// <summary>Where Telegram posts updates and the secret that proves a post came from Telegram.</summary>
public sealed record WebhookSettings(Uri Url, string Secret)
{
    public const string UrlKey = $"{TelegramSettings.Section}:WebhookUrl";
    public const string SecretKey = $"{TelegramSettings.Section}:WebhookSecret";

    public static WebhookSettings Read(IConfiguration configuration)
    {
        var raw = SettingReader.OptionalText(configuration, UrlKey)
            ?? throw new InvalidSettingException(UrlKey, "is required in webhook mode (the public https URL Telegram calls).");
        // Telegram only delivers to https.
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidSettingException(UrlKey, $"must be an https URL (got '{raw}').");
        }
        var secret = SettingReader.OptionalText(configuration, SecretKey)
            ?? throw new InvalidSettingException(SecretKey, "is required in webhook mode (1-256 characters: A-Z, a-z, 0-9, _ and -).");
        // Telegram's own limits for secret_token; anything else setWebhook would refuse.
        if (secret.Length > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new InvalidSettingException(SecretKey, "must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }
        return new WebhookSettings(url, secret);
    }
}
