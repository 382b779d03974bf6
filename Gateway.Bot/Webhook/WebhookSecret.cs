using System.Security.Cryptography;
using System.Text;

namespace OrleansAssistant.Gateway.Bot.Webhook;

/// <summary>The <c>X-Telegram-Bot-Api-Secret-Token</c> check: only Telegram knows the secret set with setWebhook.</summary>
internal sealed class WebhookSecret(WebhookSettings settings)
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret));

    /// <summary>Compares hashes in constant time, so neither timing nor length tells a guesser how close they came.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
