using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Delivery;

/// <summary>
/// Queues a run's e-mail in the durable outbox, straight to Queued (its owner chose the recipients when making the schedule),
/// held to the same recipient rules and hourly limit as e-mail drafts. The outbox id is derived from the run, so a run taken over after its
/// silo died queues its e-mail once. Its outcome is not told in the chat: the chat has the run's own notice.
/// </summary>
public sealed class ScheduleMailQueue(AppDatabase database, EmailOutboxStore outbox, EmailSettings email, EmailDeliveryOptions options, TimeProvider timeProvider)
{
    private readonly RecipientRules _recipients = new(outbox, email, options, timeProvider);

    /// <returns>Null when queued (or already queued by this run); otherwise why it was skipped, for the run's Error.</returns>
    public async Task<string?> QueueAsync(ScheduledResult result, CancellationToken cancellationToken)
    {
        var schedule = result.Schedule;
        if (schedule.EmailTo.Count == 0) return null;
        if (!email.IsConfigured) return "e-mail: not configured on this installation";
        var now = timeProvider.GetUtcNow();
        if (await _recipients.RefusalAsync(schedule.OwnerUserId, schedule.EmailTo, cancellationToken) is { } refused)
        {
            return $"e-mail: skipped: {refused.Message}";
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO EmailOutbox (Id, UserId, ChatId, Recipients, Subject, Body, Status, Attempts, NextAttemptAt, CreatedAt, QueuedAt, Notified)
            VALUES (@id, @userId, @chatId, @recipients, @subject, @body, @queued, 0, @now, @now, @now, @true)
            """;
        command.AddParameter("@id", OutboxId(result.RunId));
        command.AddParameter("@userId", schedule.OwnerUserId);
        command.AddParameter("@chatId", schedule.ChatId);
        command.AddParameter("@recipients", Recipients.Join(schedule.EmailTo));
        command.AddParameter("@subject", ScheduleMailBody.Subject(result));
        command.AddParameter("@body", ScheduleMailBody.Body(result));
        command.AddParameter("@queued", nameof(EmailStatus.Queued));
        command.AddParameter("@now", database.Dialect.Timestamp(now));
        command.AddParameter("@true", true);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException)
        {
            // The drivers word a duplicate key differently; a row under this run's id means the run queued it before its silo died.
            if (await outbox.FindAsync(OutboxId(result.RunId), schedule.OwnerUserId, cancellationToken) is null) throw;
        }
        return null;
    }

    private static string OutboxId(string runId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(runId)))[..32];
}
