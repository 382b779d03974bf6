namespace OrleansAssistant.Gateway.Bot;

/// <summary>Who the bot is on Telegram, learned once from getMe; invitation links and group mentions need it.</summary>
internal sealed class BotIdentity
{
    private volatile string? _username;

    public string? Username
    {
        get => _username;
        set => _username = value;
    }

    /// <summary>A link that opens the bot and sends <c>/start {payload}</c>.</summary>
    public string StartLink(string payload) => $"https://t.me/{Username}?start={payload}";

    /// <summary>Whether "/cmd@name" is addressed to this bot (or to no bot in particular).</summary>
    public bool IsAddressedToMe(string? mention) =>
        mention is null || Username is null || string.Equals(mention, Username, StringComparison.OrdinalIgnoreCase);
}
