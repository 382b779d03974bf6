using Microsoft.Extensions.Configuration;

namespace OrleansAssistant.Hosting;

/// <summary>Reads single settings with messages that name the setting and the allowed values.</summary>
public static class SettingReader
{
    public static TEnum Enum<TEnum>(IConfiguration configuration, string key, TEnum fallback)
        where TEnum : struct, System.Enum
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (System.Enum.TryParse<TEnum>(raw.Trim(), ignoreCase: true, out var value)
            && System.Enum.IsDefined(value)
            && !int.TryParse(raw, out _))
        {
            return value;
        }
        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>());
        throw new InvalidSettingException(key, $"has unknown value '{raw}'; use one of: {allowed}.");
    }

    public static int Port(IConfiguration configuration, string key, int fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, out var port) && port is > 0 and < 65536) return port;
        throw new InvalidSettingException(key, $"must be a port number between 1 and 65535 (got '{raw}').");
    }

    public static int Count(IConfiguration configuration, string key, int fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, out var count) && count is > 0 and <= 1000) return count;
        throw new InvalidSettingException(key, $"must be a whole number between 1 and 1000 (got '{raw}').");
    }

    public static bool Flag(IConfiguration configuration, string key, bool fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (bool.TryParse(raw.Trim(), out var flag)) return flag;
        throw new InvalidSettingException(key, $"must be true or false (got '{raw}').");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; the message names <paramref name="unit"/>.</summary>
    public static int WholeNumber(IConfiguration configuration, string key, int fallback, int min, int max, string unit)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max) return value;
        throw new InvalidSettingException(key, $"must be a whole number of {unit} between {min} and {max} (got '{raw}').");
    }

    public static string Text(IConfiguration configuration, string key, string fallback)
    {
        var raw = configuration[key];
        return string.IsNullOrWhiteSpace(raw) ? fallback : raw.Trim();
    }

    public static string? OptionalText(IConfiguration configuration, string key)
    {
        var raw = configuration[key];
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    /// <summary>A connection string from <paramref name="key"/>, else from <c>ConnectionStrings:Default</c>.</summary>
    public static string RequiredConnectionString(IConfiguration configuration, string key, string purpose)
    {
        return OptionalText(configuration, key)
            ?? OptionalText(configuration, "ConnectionStrings:Default")
            ?? throw new InvalidSettingException(key, $"is required when {purpose} (or set ConnectionStrings:Default).");
    }
}
