using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Email;

/// <summary>
/// The <c>EmailOutbox</c> table. Every change of status is a conditional UPDATE, so whoever changes a
/// row first wins and everyone else sees 0 rows affected: nothing is queued, sent or told twice.
/// </summary>
public sealed partial class EmailOutboxStore(AppDatabase database, TimeProvider timeProvider)
{
    public sealed record DraftRow(EmailStatus Status, IReadOnlyList<string> To);

    public async Task InsertDraftAsync(string id, long userId, long chatId, EmailDraft draft, CancellationToken cancellationToken)
    {
        var now = Now();
        await ExecuteAsync("""
            INSERT INTO EmailOutbox (Id, UserId, ChatId, Recipients, Subject, Body, Status, Attempts, NextAttemptAt, CreatedAt, Notified)
            VALUES (@id, @userId, @chatId, @recipients, @subject, @body, @status, 0, @now, @now, @false)
            """, command =>
        {
            command.AddParameter("@id", id);
            command.AddParameter("@userId", userId);
            command.AddParameter("@chatId", chatId);
            command.AddParameter("@recipients", Recipients.Join(draft.To));
            command.AddParameter("@subject", draft.Subject);
            command.AddParameter("@body", draft.Body);
            command.AddParameter("@status", nameof(EmailStatus.Draft));
            command.AddParameter("@now", now);
            command.AddParameter("@false", false);
        }, cancellationToken);
    }

    public async Task<DraftRow?> FindAsync(string id, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, Recipients FROM EmailOutbox WHERE Id = @id AND UserId = @userId";
        command.AddParameter("@id", id);
        command.AddParameter("@userId", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new DraftRow(Enum.Parse<EmailStatus>(reader.GetString(0)), Recipients.Split(reader.GetString(1)));
    }

    /// <summary>Recipients of the e-mails the user queued since <paramref name="since"/>: the hourly limit counts people, not messages.</summary>
    public async Task<int> CountRecipientsQueuedSinceAsync(long userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Recipients FROM EmailOutbox WHERE UserId = @userId AND QueuedAt >= @since";
        command.AddParameter("@userId", userId);
        command.AddParameter("@since", database.Dialect.Timestamp(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recipients = 0;
        while (await reader.ReadAsync(cancellationToken)) recipients += Recipients.Split(reader.GetString(0)).Count;
        return recipients;
    }

    /// <summary>Draft → Queued, due at once; false when the row was no longer a draft.</summary>
    public async Task<bool> QueueAsync(string id, long userId, CancellationToken cancellationToken)
    {
        var now = Now();
        return await ExecuteAsync("""
            UPDATE EmailOutbox SET Status = @queued, QueuedAt = @now, NextAttemptAt = @now
             WHERE Id = @id AND UserId = @userId AND Status = @draft
            """, command =>
        {
            command.AddParameter("@queued", nameof(EmailStatus.Queued));
            command.AddParameter("@now", now);
            command.AddParameter("@id", id);
            command.AddParameter("@userId", userId);
            command.AddParameter("@draft", nameof(EmailStatus.Draft));
        }, cancellationToken) == 1;
    }

    /// <summary>Draft → Cancelled; false when the row was no longer a draft.</summary>
    public async Task<bool> CancelAsync(string id, long userId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE EmailOutbox SET Status = @cancelled WHERE Id = @id AND UserId = @userId AND Status = @draft", command =>
        {
            command.AddParameter("@cancelled", nameof(EmailStatus.Cancelled));
            command.AddParameter("@id", id);
            command.AddParameter("@userId", userId);
            command.AddParameter("@draft", nameof(EmailStatus.Draft));
        }, cancellationToken) == 1;

    private object Now() => database.Dialect.Timestamp(timeProvider.GetUtcNow());

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
