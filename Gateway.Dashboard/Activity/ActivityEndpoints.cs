using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Audit;

namespace OrleansAssistant.Gateway.Dashboard.Activity;

/// <summary>The organization's activity log for the owner: paged, newest first, filterable by person and event.</summary>
internal static class ActivityEndpoints
{
    private const int MaxPageSize = 200;
    private const int MaxEventTypeLength = 64;

    public static void MapActivityEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/activity", ListAsync).RequireAction(AssistantAction.ViewActivity)
            .WithSummary("A page of the organization's activity log, newest first.");

    private static async Task<Results<Ok<ActivityPageView>, ValidationProblem>> ListAsync(
        string? page, string? pageSize, string? userId, string? eventType, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        if (!TryNumber(page, 1, out var pageNumber) || pageNumber < 1) return Problems.Invalid("page", "The page is a number from 1.");
        if (!TryNumber(pageSize, 50, out var size) || size is < 1 or > MaxPageSize) return Problems.Invalid("pageSize", $"The page size is a number from 1 to {MaxPageSize}.");
        long? user = null;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            if (!long.TryParse(userId, out var id) || id <= 0) return Problems.Invalid("userId", "The user is a Telegram user id (a positive number).");
            user = id;
        }
        var eventFilter = string.IsNullOrWhiteSpace(eventType) ? null : eventType.Trim();
        if (eventFilter is { Length: > MaxEventTypeLength }) return Problems.Invalid("eventType", "That is not an event type.");

        var result = await grains.GetGrain<IActivityLogGrain>(0).ListAsync(caller.OrgId, new ActivityQuery(user, eventFilter, pageNumber, size));
        var names = await people.NamesAsync(result.Entries.Where(e => e.UserId is not null).Select(e => e.UserId!.Value));
        var entries = result.Entries.Select(e => new ActivityEntryView(e.Id, e.OccurredAt, e.UserId,
            e.UserId is { } id ? names[id] : null, e.Source, e.EventType, e.TargetType, e.TargetId, e.Details)).ToArray();
        return TypedResults.Ok(new ActivityPageView(entries, result.Page, result.PageSize, result.Total));
    }

    private static bool TryNumber(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }
        return int.TryParse(text, out value);
    }
}

public sealed record ActivityEntryView(long Id, DateTimeOffset OccurredAt, long? UserId, string? DisplayName, string Source,
    string EventType, string? TargetType, string? TargetId, string? Details);

public sealed record ActivityPageView(IReadOnlyList<ActivityEntryView> Entries, int Page, int PageSize, long Total);
