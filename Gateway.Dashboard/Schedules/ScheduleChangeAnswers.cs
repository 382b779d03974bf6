using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>How the dashboard words a schedule change's outcome: a status code and a sentence the page shows as it is.</summary>
internal static class ScheduleChangeAnswers
{
    public const string NotFound = "There is no such schedule among the ones you can see. It may have been deleted.";

    public static string Done(ScheduleCommand command, string title) => command switch
    {
        ScheduleCommand.Pause => $"“{title}” is paused. It will not run until it is resumed.",
        ScheduleCommand.Resume => $"“{title}” runs again on its rhythm.",
        ScheduleCommand.RunNow => $"“{title}” was run now; its result goes where its runs always go. Its next run stays as planned.",
        _ => $"“{title}” was deleted. Its past runs stay in the cost records.",
    };

    /// <summary>The refusal of <paramref name="change"/>, which is not <see cref="ScheduleChangeStatus.Done"/>.</summary>
    public static ProblemHttpResult Refusal(ScheduleCommand command, ScheduleChange change) => change.Status switch
    {
        ScheduleChangeStatus.NotFound => Problems.NotFound(NotFound),
        ScheduleChangeStatus.NotAllowed => Problems.Forbidden("Only the schedule's owner or the organization's owner may change it."),
        ScheduleChangeStatus.Unchanged => Problems.Conflict(command == ScheduleCommand.Pause
            ? "This schedule is already paused; nothing changed."
            : "This schedule is already running; nothing changed."),
        ScheduleChangeStatus.StillNotPermitted => Problems.Conflict(
            $"It stays paused: {StillPaused(change.Schedule?.PauseReason ?? PauseReason.None)} Resume it once that is put right."),
        ScheduleChangeStatus.DatabaseUnavailable => TypedResults.Problem(
            title: "Its database could not be reached just now, so it did not run. Try again in a few minutes.",
            statusCode: StatusCodes.Status503ServiceUnavailable),
        _ => Problems.Conflict("This schedule could not be changed just now; nothing changed."),
    };

    private static string StillPaused(PauseReason reason) => reason switch
    {
        PauseReason.NotMember => "its owner is no longer a member of the organization.",
        PauseReason.DatabaseRemoved => "its database was removed.",
        PauseReason.AccessLost => "its owner may no longer use its database.",
        _ => "its owner may no longer run it.",
    };
}
