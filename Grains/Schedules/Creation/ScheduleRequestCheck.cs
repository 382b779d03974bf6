using OrleansAssistant.Grains.Exports;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Store;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Schedules.Creation;

/// <summary>
/// Checks a request for a new schedule, cheapest check first, and builds its definition. Nothing is written here:
/// a refusal leaves everything as it was. The only query run is an alert's, once, to see that it returns one number.
/// </summary>
public sealed class ScheduleRequestCheck(
    AnsweredQueries answers, ScheduleStore store, RhythmCalendar calendar, ScheduleSettings settings, ExportSettings exports, TimeProvider timeProvider)
{
    /// <summary>Rows read of an alert's query: two are enough to tell one row from several.</summary>
    private const int AlertProbeRows = 2;

    /// <exception cref="ArgumentException">An alert without its rule, or an unknown kind: the gateways never send one.</exception>
    public async Task<ScheduleCreation> CheckAsync(IGrainFactory grains, string scheduleId, Principal asker, ScheduleRequest request)
    {
        if (!Enum.IsDefined(request.Kind) || (request.Kind == ScheduleKind.Alert && request.Alert is null))
        {
            throw new ArgumentException("An alert needs its rule, and the kind must be a known one.", nameof(request));
        }
        var now = timeProvider.GetUtcNow();
        var answer = await answers.FindAsync(request.ConversationId, CancellationToken.None);
        // Another person's answer reads exactly like a missing one, so ids cannot be probed. Results go to the asker's private chat
        // or to the chat the answer was given in, never to a chat the asker merely names.
        if (answer is not { Sql: { } sql, DatabaseId: { } databaseId } || answer.UserId != asker.UserId || now - answer.StartedAt > exports.Window
            || (request.ChatId != asker.UserId && request.ChatId != answer.ChatId))
        {
            return ScheduleCreation.Refused(ScheduleChangeStatus.AnswerUnusable);
        }

        var rhythm = calendar.Check(request.Rhythm, now);
        if (!rhythm.IsAccepted) return ScheduleCreation.Refused(new ScheduleChange(ScheduleChangeStatus.RhythmRefused, Rhythm: rhythm));
        if (request.WebhookUrl is { } url && WebhookTarget.Check(url, settings.AllowPrivateWebhookTargets) is var problem && problem != WebhookProblem.None)
        {
            return ScheduleCreation.Refused(new ScheduleChange(ScheduleChangeStatus.WebhookRefused, Webhook: problem));
        }
        if (ScheduleRecipients.FirstRefused(request.EmailTo) is { } address)
        {
            return ScheduleCreation.Refused(new ScheduleChange(ScheduleChangeStatus.RecipientsRefused, Detail: address));
        }

        var database = grains.GetGrain<IDatabaseConnectionGrain>(databaseId);
        if (await database.GetInfoAsync() is not { IsActive: true } info || !await database.CanUseAsync(asker.UserId))
        {
            return ScheduleCreation.Refused(ScheduleChangeStatus.AnswerUnusable);
        }
        var orgId = info.IsShared ? null : info.OwnerOrgId;
        if (await LimitReachedAsync(asker.UserId, orgId) is { } limit) return ScheduleCreation.Refused(limit);

        decimal? value = null;
        if (request.Kind == ScheduleKind.Alert)
        {
            var result = await database.ExportAsync(asker.UserId, sql, AlertProbeRows);
            if (AlertRefusal(result) is { } refusal) return ScheduleCreation.Refused(refusal);
            var (number, shape) = AlertNumber.Read(result);
            if (number is null) return ScheduleCreation.Refused(new ScheduleChange(ScheduleChangeStatus.NotOneNumber, Detail: shape));
            value = number;
        }

        return ScheduleCreation.Accepted(new ScheduleDefinition(
            scheduleId, asker.UserId, orgId, databaseId, request.ChatId, request.ConversationId, answer.Question, sql, request.Kind,
            request.Rhythm, request.Kind == ScheduleKind.Alert ? request.Alert : null, ScheduleRecipients.Normalized(request.EmailTo),
            request.WebhookUrl?.Trim(), request.WebhookUrl is null ? null : WebhookSignature.NewSecret(),
            // Whole seconds: what every dialect's timestamp keeps, so the schedule reads back as it was made.
            ScheduleStatus.Active, PauseReason.None, rhythm.NextDue, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)),
            // The alert starts out not crossed: if the number already stands crossed, its first check says so.
            Crossed: false, LastValue: value));
    }

    private async Task<ScheduleChange?> LimitReachedAsync(long ownerUserId, string? orgId)
    {
        if (await store.CountOfOwnerAsync(ownerUserId, CancellationToken.None) >= settings.MaxPerPerson)
        {
            return new ScheduleChange(ScheduleChangeStatus.PersonLimitReached, Limit: settings.MaxPerPerson);
        }
        if (orgId is not null && await store.CountOfOrganizationAsync(orgId, CancellationToken.None) >= settings.MaxPerOrganization)
        {
            return new ScheduleChange(ScheduleChangeStatus.OrganizationLimitReached, Limit: settings.MaxPerOrganization);
        }
        return null;
    }

    private static ScheduleChange? AlertRefusal(QueryResult result) => result.Outcome switch
    {
        QueryOutcome.Succeeded => null,
        QueryOutcome.Unavailable or QueryOutcome.TimedOut or QueryOutcome.Busy => new ScheduleChange(ScheduleChangeStatus.DatabaseUnavailable),
        QueryOutcome.AccessDenied => new ScheduleChange(ScheduleChangeStatus.AnswerUnusable),
        _ => new ScheduleChange(ScheduleChangeStatus.NotOneNumber, Detail: result.Message),
    };
}
