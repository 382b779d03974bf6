using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>
/// The Schedules tab: owners see and manage every schedule of the organization's members, members their own. Every
/// member may reach these endpoints; the schedule grain, given the caller's principal, decides per schedule, and a
/// schedule the caller may not see (another organization's, another member's) reads exactly like one that does not exist.
/// </summary>
internal static class ScheduleEndpoints
{
    // Opening the tab is the right of anyone who may open the dashboard's overview; the grain decides per schedule.
    private const AssistantAction OpenTab = AssistantAction.ViewOverview;
    private const int RunsShown = 20;

    public static void MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules");
        schedules.MapGet("", ListAsync).RequireAction(OpenTab)
            .WithSummary("Owners: every schedule and alert of the organization's members; members: their own. Oldest first.")
            .Produces<IReadOnlyList<ScheduleRow>>();
        schedules.MapGet("/{scheduleId}/runs", RunsAsync).RequireAction(OpenTab)
            .WithSummary("A schedule's last 20 runs, newest first: time, outcome, rows, cost and error.")
            .Produces<IReadOnlyList<ScheduleRunRow>>().ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(schedules.MapPost("/{scheduleId}/pause", PauseAsync), "Pause a schedule: it does not run until resumed.");
        MapChange(schedules.MapPost("/{scheduleId}/resume", ResumeAsync),
            "Resume a paused schedule; its owner's access is checked again first (409 with the reason when it still may not run).");
        MapChange(schedules.MapPost("/{scheduleId}/run", RunNowAsync), "Run a schedule once now; its next due run stays as planned.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        MapChange(schedules.MapDelete("/{scheduleId}", DeleteAsync), "Delete a schedule; its past runs stay in the cost records.");
    }

    private static RouteHandlerBuilder MapChange(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequireAction(OpenTab).WithSummary(summary).Produces<ScheduleChanged>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<IReadOnlyList<ScheduleRow>>> ListAsync(DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        var list = grains.GetGrain<IScheduleListGrain>(0);
        var views = caller.Principal.Role == UserRole.OrgOwner
            ? await list.OrganizationAsync(caller.Principal, caller.OrgId)
            : await list.MineAsync(caller.Principal);
        return TypedResults.Ok(await ScheduleRows.OfAsync(views, grains, people));
    }

    private static async Task<Results<Ok<IReadOnlyList<ScheduleRunRow>>, ProblemHttpResult>> RunsAsync(
        string scheduleId, DashboardCaller caller, IGrainFactory grains)
    {
        if (await VisibleAsync(scheduleId, caller, grains) is not (var schedule, _)) return Problems.NotFound(ScheduleChangeAnswers.NotFound);
        var runs = await schedule.RunsAsync(caller.Principal, RunsShown);
        return TypedResults.Ok<IReadOnlyList<ScheduleRunRow>>([.. runs.Select(ScheduleRunRow.From)]);
    }

    private static Task<IResult> PauseAsync(string scheduleId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people) =>
        ChangeAsync(ScheduleCommand.Pause, scheduleId, caller, grains, people);

    private static Task<IResult> ResumeAsync(string scheduleId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people) =>
        ChangeAsync(ScheduleCommand.Resume, scheduleId, caller, grains, people);

    private static Task<IResult> RunNowAsync(string scheduleId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people) =>
        ChangeAsync(ScheduleCommand.RunNow, scheduleId, caller, grains, people);

    private static Task<IResult> DeleteAsync(string scheduleId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people) =>
        ChangeAsync(ScheduleCommand.Delete, scheduleId, caller, grains, people);

    private static async Task<IResult> ChangeAsync(
        ScheduleCommand command, string scheduleId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        if (await VisibleAsync(scheduleId, caller, grains) is not (var schedule, var before)) return Problems.NotFound(ScheduleChangeAnswers.NotFound);
        var change = command switch
        {
            ScheduleCommand.Pause => await schedule.PauseAsync(caller.Principal),
            ScheduleCommand.Resume => await schedule.ResumeAsync(caller.Principal),
            ScheduleCommand.RunNow => await schedule.RunNowAsync(caller.Principal),
            _ => await schedule.DeleteAsync(caller.Principal),
        };
        if (!change.IsDone) return ScheduleChangeAnswers.Refusal(command, change);
        // Read again rather than take the change's view, so the row carries its newest run (a "run now" just made one).
        var after = command == ScheduleCommand.Delete ? null : await schedule.GetAsync(caller.Principal);
        var row = after is null ? null : await ScheduleRows.OfAsync(after, grains, people);
        return TypedResults.Ok(new ScheduleChanged(row, ScheduleChangeAnswers.Done(command, before.Title)));
    }

    /// <summary>
    /// The schedule named by <paramref name="scheduleId"/> when the caller may see it, else null. Text that is no schedule id
    /// never reaches a grain; a schedule outside the caller's organization reads as unknown even if the grain would show it.
    /// </summary>
    private static async Task<(IScheduleGrain Grain, ScheduleView View)?> VisibleAsync(string scheduleId, DashboardCaller caller, IGrainFactory grains)
    {
        if (!ScheduleKeys.IsScheduleId(scheduleId)) return null;
        var schedule = grains.GetGrain<IScheduleGrain>(scheduleId);
        var view = await schedule.GetAsync(caller.Principal);
        return view is not null && (view.OwnerUserId == caller.UserId || view.OrgId == caller.OrgId) ? (schedule, view) : null;
    }
}
