namespace OrleansAssistant.Grains.Users;

/// <summary>Telegram ids of the installation's operators (ADMIN_TELEGRAM_IDS).</summary>
public sealed record AdminSettings(IReadOnlySet<long> TelegramIds)
{
    public static readonly AdminSettings None = new(new HashSet<long>());

    public bool IsAdmin(long userId) => TelegramIds.Contains(userId);
}
