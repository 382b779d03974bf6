using System.Text;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>[✅ Create]: the schedule grain decides; the dialog message says what came of it, and a webhook's secret comes once, on its own.</summary>
internal sealed class ScheduleCreation(IGrainFactory grains, BotReplies replies, FlowMessages flow, ClusterCallRetry retry)
{
    public async Task CreateAsync(ScheduleDraft draft, CancellationToken cancellationToken)
    {
        // Rights are read afresh, as commands do: they may have changed while the dialog was open.
        var user = grains.GetGrain<IUserGrain>(draft.UserId);
        var principal = await retry.RunAsync("Reading the sender's rights", $"chat {draft.ChatId}", user.GetPrincipalAsync, cancellationToken);
        if (principal is null)
        {
            await flow.CloseAsync(draft, "Send /start first: nothing was scheduled.", cancellationToken);
            return;
        }
        var request = draft.ToRequest();
        var change = await grains.GetGrain<IScheduleGrain>(ScheduleKeys.NewId()).CreateAsync(principal, request);
        if (!change.IsDone || change.Schedule is not { } schedule)
        {
            await flow.CloseAsync(draft, "Not created. " + ScheduleChangeTexts.Problem(change, request.Rhythm), cancellationToken);
            return;
        }
        await flow.CloseAsync(draft, Created(schedule), cancellationToken);
        if (change.WebhookSecret is { } secret) await replies.SendAsync(draft.ChatId, WebhookSecretText(schedule, secret), cancellationToken);
    }

    /// <summary>"⏰ Scheduled: Sales per week — every weekday at 09:00 (Europe/Berlin). Next run: Mon 8 Dec 09:00."</summary>
    public static string Created(ScheduleView schedule)
    {
        var title = ScheduleTexts.Html(schedule.Title);
        var rhythm = ScheduleTexts.Html(ScheduleTexts.RhythmWithZone(schedule.Rhythm));
        var text = new StringBuilder(schedule is { Kind: ScheduleKind.Alert, Alert: { } rule }
            ? $"🔔 Alert set: {title} — {ScheduleTexts.Watch(rule)}, checked {rhythm}."
            : $"⏰ Scheduled: {title} — {rhythm}.");
        if (schedule.NextDueAt is { } next)
        {
            text.Append(schedule.Kind == ScheduleKind.Alert ? " Next check: " : " Next run: ").Append(ScheduleTexts.When(next, schedule.Rhythm.TimeZone)).Append('.');
        }
        if (schedule.EmailTo.Count > 0) text.Append("\nAlso e-mailed to ").Append(ScheduleTexts.Html(string.Join(", ", schedule.EmailTo))).Append('.');
        if (schedule.WebhookUrl is { } url) text.Append("\nAlso posted to ").Append(ScheduleTexts.Html(url)).Append('.');
        text.Append("\n\nSee, pause or delete it with /schedules. ").Append(ScheduleChangeTexts.TimeZoneHint);
        return text.ToString();
    }

    private static string WebhookSecretText(ScheduleView schedule, string secret) =>
        $"🔑 The webhook secret of {ScheduleTexts.Html(schedule.Title)}, shown only this once — keep it safe:\n<code>{ScheduleTexts.Html(secret)}</code>\n\n"
        + "Every POST carries <code>X-Assistant-Signature: t=…,v1=…</code>: t is the time in Unix seconds and v1 is "
        + "<code>HMAC-SHA256(secret, t + \".\" + body)</code> in lower-case hex. Compute it over the raw body, compare, and refuse old t values.";
}
