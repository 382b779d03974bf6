using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Email;

public sealed partial class EmailOutboxStore
{
    // Due: queued and its time has come, or claimed by a silo whose lease ran out (it stopped mid-send).
    private const string Due = "((Status = @queued AND NextAttemptAt <= @now) OR (Status = @sending AND LeaseUntil <= @now))";

    /// <summary>
    /// Claims up to <paramref name="max"/> due e-mails for this silo until <paramref name="leaseUntil"/>,
    /// counting the attempt now so a silo that dies mid-send still uses one up.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEmail>> ClaimDueAsync(int max, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claimed = new List<OutboxEmail>();
        foreach (var id in await DueIdsAsync(now, max, cancellationToken))
        {
            var won = await ExecuteAsync($"""
                UPDATE EmailOutbox SET Status = @sending, LeaseUntil = @leaseUntil, Attempts = Attempts + 1
                 WHERE Id = @id AND {Due}
                """, command =>
            {
                BindDue(command, now);
                command.AddParameter("@leaseUntil", database.Dialect.Timestamp(leaseUntil));
                command.AddParameter("@id", id);
            }, cancellationToken) == 1;
            if (won && await ReadClaimedAsync(id, cancellationToken) is { } email) claimed.Add(email);
        }
        return claimed;
    }

    public async Task MarkSentAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE EmailOutbox SET Status = @sent, SentAt = @now, LeaseUntil = NULL, LastError = NULL WHERE Id = @id AND Status = @sending", command =>
        {
            command.AddParameter("@sent", nameof(EmailStatus.Sent));
            command.AddParameter("@now", Now());
            command.AddParameter("@id", id);
            command.AddParameter("@sending", nameof(EmailStatus.Sending));
        }, cancellationToken);

    /// <summary>Back to the queue at <paramref name="nextAttemptAt"/>, or Failed for good when that is null.</summary>
    public async Task MarkAttemptFailedAsync(string id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE EmailOutbox SET Status = @status, NextAttemptAt = @nextAttemptAt, LastError = @error, LeaseUntil = NULL
             WHERE Id = @id AND Status = @sending
            """, command =>
        {
            command.AddParameter("@status", nextAttemptAt is null ? nameof(EmailStatus.Failed) : nameof(EmailStatus.Queued));
            command.AddParameter("@nextAttemptAt", database.Dialect.Timestamp(nextAttemptAt ?? timeProvider.GetUtcNow()));
            command.AddParameter("@error", error);
            command.AddParameter("@id", id);
            command.AddParameter("@sending", nameof(EmailStatus.Sending));
        }, cancellationToken);

    private async Task<List<string>> DueIdsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id FROM EmailOutbox WHERE {Due} ORDER BY NextAttemptAt";
        BindDue(command, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (ids.Count < max && await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    private async Task<OutboxEmail?> ReadClaimedAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT UserId, Recipients, Subject, Body, Attempts FROM EmailOutbox WHERE Id = @id";
        command.AddParameter("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new OutboxEmail(id, Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Recipients.Split(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
            Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
    }

    private void BindDue(System.Data.Common.DbCommand command, DateTimeOffset now)
    {
        command.AddParameter("@queued", nameof(EmailStatus.Queued));
        command.AddParameter("@sending", nameof(EmailStatus.Sending));
        command.AddParameter("@now", database.Dialect.Timestamp(now));
    }
}
