using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>The SMTP account (section <c>Email</c>; the login also from <c>BOT_EMAIL</c> / <c>BOT_EMAIL_PASS</c>).</summary>
public static class EmailSettingsReader
{
    public const string Section = "Email";
    public const string UserVariable = "BOT_EMAIL";
    public const string PasswordVariable = "BOT_EMAIL_PASS";

    public static EmailSettings Read(IConfiguration configuration)
    {
        var defaults = new EmailSettings();
        var port = SettingReader.Port(configuration, $"{Section}:Port", defaults.Port);
        var user = SettingReader.OptionalText(configuration, $"{Section}:User") ?? SettingReader.OptionalText(configuration, UserVariable);
        var fromKey = $"{Section}:From";
        var explicitFrom = SettingReader.OptionalText(configuration, fromKey);
        var from = explicitFrom ?? user;
        if (from is not null && !MimeKit.MailboxAddress.TryParse(from, out _))
        {
            throw new InvalidSettingException(explicitFrom is null ? UserVariable : fromKey, $"must be an e-mail address (got '{from}').");
        }
        return defaults with
        {
            Host = SettingReader.Text(configuration, $"{Section}:Host", defaults.Host),
            Port = port,
            Security = SettingReader.Enum(configuration, $"{Section}:Security", EmailSettings.DefaultSecurityFor(port)),
            User = user,
            // Not trimmed: a password may end in a space.
            Password = configuration[$"{Section}:Password"] is { Length: > 0 } password ? password
                : configuration[PasswordVariable] is { Length: > 0 } variable ? variable : null,
            From = from,
            MaxRecipients = SettingReader.Count(configuration, $"{Section}:MaxRecipients", defaults.MaxRecipients),
            AllowedDomains = AllowedDomains(configuration),
        };
    }

    /// <summary><c>Email:AllowedDomains</c> as a list (<c>Email:AllowedDomains:0</c> …) or one comma-separated value.</summary>
    private static IReadOnlyList<string> AllowedDomains(IConfiguration configuration)
    {
        var key = $"{Section}:AllowedDomains";
        var section = configuration.GetSection(key);
        var entries = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(domain => domain.TrimStart('@').TrimEnd('.').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var domain in entries)
        {
            if (Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.', StringComparison.Ordinal))
            {
                throw new InvalidSettingException(key, $"must hold domain names such as example.com (got '{domain}').");
            }
        }
        return entries;
    }
}
