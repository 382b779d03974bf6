using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>Every outcome of creating or changing a schedule, in words (HTML).</summary>
internal static class ScheduleChangeTexts
{
    public const string NoLongerExists = "That schedule no longer exists.";
    public const string TimeZoneHint = "Your schedules run on your time zone's clock; change it with /timezone.";

    /// <summary>Why a creation or change was refused; null for <see cref="ScheduleChangeStatus.Done"/>.</summary>
    public static string? Problem(ScheduleChange change, ScheduleRhythm? rhythm = null) => change.Status switch
    {
        ScheduleChangeStatus.Done => null,
        ScheduleChangeStatus.NotFound => NoLongerExists,
        ScheduleChangeStatus.NotAllowed => "You can see this schedule but not change it.",
        ScheduleChangeStatus.Unchanged => "Nothing to change: it already is that way.",
        ScheduleChangeStatus.AnswerUnusable =>
            "This answer can't be scheduled any more: it is too old, it is someone else's, or it has no query. Ask the question again and schedule the new answer.",
        ScheduleChangeStatus.NotOneNumber =>
            $"An alert watches one number, but this answer's query returns {ScheduleTexts.Html(change.Detail ?? "something else")}. Nothing was created.",
        ScheduleChangeStatus.RhythmRefused => RhythmProblem(change.Rhythm, rhythm),
        ScheduleChangeStatus.WebhookRefused => WebhookProblem(change.Webhook),
        ScheduleChangeStatus.RecipientsRefused => NotAnAddress(change.Detail),
        ScheduleChangeStatus.PersonLimitReached =>
            $"You have {Count(change.Limit)} schedules, the most allowed. Delete one with /schedules to make room.",
        ScheduleChangeStatus.OrganizationLimitReached =>
            $"Your organization has {Count(change.Limit)} schedules, the most allowed. Someone has to delete one first.",
        ScheduleChangeStatus.DatabaseUnavailable => "The database can't be reached right now, so nothing was done. Try again later.",
        ScheduleChangeStatus.StillNotPermitted =>
            $"It stays paused: {PauseTexts.Why(change.Schedule?.PauseReason ?? PauseReason.AccessLost)}",
        _ => "That didn't work; nothing was changed.",
    };

    public static string RhythmProblem(RhythmCheck? check, ScheduleRhythm? rhythm) => check?.Problem switch
    {
        Grains.Interfaces.Schedules.RhythmProblem.TooFrequent =>
            $"That rhythm fires more often than every {Minutes(check.MinimumInterval)} minutes, which is the most often a schedule may run here. Nothing was created.",
        Grains.Interfaces.Schedules.RhythmProblem.NeverFires => "That rhythm never fires (no such date exists). Nothing was created.",
        Grains.Interfaces.Schedules.RhythmProblem.UnknownTimeZone =>
            $"I don't know the time zone <code>{ScheduleTexts.Html(rhythm?.TimeZone ?? "")}</code>. Use an IANA name (Region/City, as spelled there), "
            + "for example <code>Europe/Berlin</code>, <code>America/New_York</code> or <code>UTC</code>, with /timezone. Nothing was created.",
        Grains.Interfaces.Schedules.RhythmProblem.MissingDay => "A weekly schedule needs its day. Nothing was created.",
        Grains.Interfaces.Schedules.RhythmProblem.InvalidTimeOfDay => TimeTexts.NotATime,
        _ => CronTexts.NotFiveFields,
    };

    public static string WebhookProblem(WebhookProblem problem) => problem switch
    {
        Grains.Interfaces.Schedules.WebhookProblem.NotHttps =>
            "The webhook must be an <code>https://</code> address: results can hold business data, so they never travel unencrypted.",
        Grains.Interfaces.Schedules.WebhookProblem.PrivateAddress =>
            "That webhook points at an internal address (this machine, a private network or a local name), which schedules may not reach.",
        _ => "That is not a web address. Send the full URL, like <code>https://example.com/hooks/sales</code>.",
    };

    public static string NotAnAddress(string? address) =>
        $"<code>{ScheduleTexts.Html(address ?? "")}</code> is not an e-mail address (or there are more recipients than an e-mail may have). "
        + "Send addresses separated by commas, like <code>ana@example.com, ben@example.com</code>.";

    private static string Count(int? limit) => (limit ?? 0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan? interval) =>
        ((int)(interval ?? TimeSpan.FromMinutes(15)).TotalMinutes).ToString(CultureInfo.InvariantCulture);
}
