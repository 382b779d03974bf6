using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Users;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Reads <c>ADMIN_TELEGRAM_IDS</c> (or <c>Admin:TelegramIds</c>): Telegram user ids separated by commas or spaces.</summary>
public static class AdminSettingsReader
{
    public const string Variable = "ADMIN_TELEGRAM_IDS";

    public static AdminSettings Read(IConfiguration configuration)
    {
        var (key, raw) = SettingReader.OptionalText(configuration, "Admin:TelegramIds") is { } fromSection
            ? ("Admin:TelegramIds", fromSection)
            : (Variable, SettingReader.OptionalText(configuration, Variable));
        if (raw is null) return AdminSettings.None;
        var ids = new HashSet<long>();
        foreach (var part in raw.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                throw new InvalidSettingException(key, $"must list Telegram user ids (numbers) separated by commas (got '{part}').");
            }
            ids.Add(id);
        }
        return new AdminSettings(ids);
    }
}
