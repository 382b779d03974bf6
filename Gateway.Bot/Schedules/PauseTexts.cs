using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>Why a schedule is paused, as the end of a sentence.</summary>
internal static class PauseTexts
{
    public static string Why(PauseReason reason, string? organization = null) => reason switch
    {
        PauseReason.ByOwner => "paused by you.",
        PauseReason.NotMember => organization is null
            ? "you are no longer a member of the organization whose database it reads."
            : $"you are no longer a member of {ScheduleTexts.Html(organization)}.",
        PauseReason.DatabaseRemoved => "the database was removed.",
        PauseReason.AccessLost => "you no longer have access to the database.",
        _ => "it is paused.",
    };
}
