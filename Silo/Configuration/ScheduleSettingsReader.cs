using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Reads <c>Schedules:*</c>: the finest rhythm, the limits, the message and the webhook targets allowed.</summary>
public static class ScheduleSettingsReader
{
    private const string Section = "Schedules";

    public static ScheduleSettings Read(IConfiguration configuration)
    {
        var defaults = ScheduleSettings.Default;
        return defaults with
        {
            MinimumInterval = TimeSpan.FromMinutes(SettingReader.WholeNumber(configuration, $"{Section}:MinimumIntervalMinutes",
                (int)defaults.MinimumInterval.TotalMinutes, 1, 1_440, "minutes")),
            MaxPerPerson = SettingReader.WholeNumber(configuration, $"{Section}:MaxPerPerson", defaults.MaxPerPerson, 1, 10_000, "schedules"),
            MaxPerOrganization = SettingReader.WholeNumber(configuration, $"{Section}:MaxPerOrganization", defaults.MaxPerOrganization, 1, 1_000_000, "schedules"),
            Message = SettingReader.Enum(configuration, $"{Section}:Message", defaults.Message),
            SayNoRows = SettingReader.Flag(configuration, $"{Section}:SayNoRows", defaults.SayNoRows),
            AllowPrivateWebhookTargets = SettingReader.Flag(configuration, $"{Section}:AllowPrivateWebhookTargets", defaults.AllowPrivateWebhookTargets),
            WebhookTimeout = TimeSpan.FromSeconds(SettingReader.WholeNumber(configuration, $"{Section}:WebhookTimeoutSeconds",
                (int)defaults.WebhookTimeout.TotalSeconds, 1, 60, "seconds")),
        };
    }
}
