using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>
/// One schedule or alert on the Schedules tab, with its owner's and database's names and its rhythm in words.
/// <see cref="NextDueAt"/> is UTC (the page shows it in the browser's zone and names <see cref="TimeZone"/>, the zone the
/// rhythm is read in). Of a webhook only its host is shown: the path and query may carry a receiver's token, and the
/// signing secret is never part of a view.
/// </summary>
public sealed record ScheduleRow(
    string ScheduleId,
    string Title,
    ScheduleKind Kind,
    long OwnerUserId,
    string OwnerName,
    string DatabaseId,
    string? DatabaseName,
    string Rhythm,
    string TimeZone,
    DateTimeOffset? NextDueAt,
    ScheduleStatus Status,
    PauseReason PauseReason,
    string? PauseText,
    string? Alert,
    decimal? LastValue,
    IReadOnlyList<string> EmailTo,
    string? WebhookHost,
    DateTimeOffset CreatedAt,
    ScheduleRunRow? LastRun)
{
    public static ScheduleRow From(ScheduleView view, string ownerName, string? databaseName) => new(
        view.ScheduleId, view.Title, view.Kind, view.OwnerUserId, ownerName, view.DatabaseId, databaseName, RhythmWords.Of(view.Rhythm),
        view.Rhythm.TimeZone, view.NextDueAt, view.Status, view.PauseReason, RhythmWords.Of(view.PauseReason), RhythmWords.Of(view.Alert),
        view.LastValue, view.EmailTo, HostOf(view.WebhookUrl), view.CreatedAt, view.LastRun is { } run ? ScheduleRunRow.From(run) : null);

    private static string? HostOf(string? url) =>
        url is null ? null : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost : "(not readable)";
}
