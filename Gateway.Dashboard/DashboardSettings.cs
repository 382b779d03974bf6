using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Dashboard;

/// <summary>Where the dashboard listens and how hard it may be pushed (section <c>Dashboard</c>).</summary>
public sealed partial record DashboardSettings
{
    public const string Section = "Dashboard";

    /// <summary>Semicolon-separated listen URLs.</summary>
    public string Urls { get; init; } = "http://localhost:5000";

    /// <summary>Login requests one IP address may make per minute (on top of the per-username lockout).</summary>
    public int LoginRequestsPerMinute { get; init; } = 20;

    /// <summary>API requests one IP address may make per minute.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>How long a stopping process keeps serving while <c>/ready</c> answers 503 (0 to 60 s; off by default).</summary>
    public TimeSpan ShutdownDrain { get; init; } = TimeSpan.Zero;

    /// <summary>The bot's Telegram username, for invitation links; without it the page offers the /join command.</summary>
    public string? BotUsername { get; init; }

    public static DashboardSettings Read(IConfiguration configuration)
    {
        var key = $"{Section}:Urls";
        var urls = SettingReader.Text(configuration, key, "http://localhost:5000");
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidSettingException(key, $"must be http(s) URLs separated by ';' (got '{url}').");
            }
        }
        var botKey = $"{Section}:BotUsername";
        var botUsername = SettingReader.OptionalText(configuration, botKey)?.TrimStart('@');
        if (botUsername is not null && !TelegramUsername().IsMatch(botUsername))
        {
            throw new InvalidSettingException(botKey, $"must be a Telegram bot username such as OrleansAssistantBot (got '{botUsername}').");
        }
        return new DashboardSettings
        {
            Urls = urls,
            LoginRequestsPerMinute = PerMinute(configuration, $"{Section}:LoginRequestsPerMinute", 20),
            RequestsPerMinute = PerMinute(configuration, $"{Section}:RequestsPerMinute", 600),
            BotUsername = botUsername,
            ShutdownDrain = TimeSpan.FromSeconds(DrainSeconds(configuration, $"{Section}:ShutdownDrainSeconds")),
        };
    }

    private static int PerMinute(IConfiguration configuration, string key, int fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, out var limit) && limit is > 0 and <= 1_000_000) return limit;
        throw new InvalidSettingException(key, $"must be a whole number of requests per minute between 1 and 1000000 (got '{raw}').");
    }

    private static int DrainSeconds(IConfiguration configuration, string key)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return 0;
        if (int.TryParse(raw, out var seconds) && seconds is >= 0 and <= 60) return seconds;
        throw new InvalidSettingException(key, $"must be a whole number of seconds from 0 to 60 (got '{raw}').");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex TelegramUsername();
}
