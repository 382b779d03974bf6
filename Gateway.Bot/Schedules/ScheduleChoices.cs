using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>What the dialogs offer, from the installation's <c>Schedules:*</c> settings (the grain enforces them again).</summary>
internal sealed record ScheduleChoices(TimeSpan MinimumInterval, bool AllowPrivateWebhookTargets = false)
{
    public static ScheduleChoices Read(IConfiguration? configuration) =>
        new(TimeSpan.FromMinutes(int.TryParse(configuration?["Schedules:MinimumIntervalMinutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? minutes
            : 15),
            bool.TryParse(configuration?["Schedules:AllowPrivateWebhookTargets"], out var allowPrivate) && allowPrivate);

    /// <summary>"Every 15 min" is offered only where the installation lets alerts be checked that often.</summary>
    public bool OfferEvery15Minutes => MinimumInterval <= TimeSpan.FromMinutes(15);
}
