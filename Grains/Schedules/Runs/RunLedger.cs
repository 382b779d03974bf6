using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Notices;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// The <c>ScheduleRuns</c> table: a run is claimed by inserting its row, or by taking over a row whose lease ran out
/// (a retry that is due, or a run whose silo died), in one conditional statement, so two fires of one run never both go ahead.
/// Finishing a run writes its outcome and its notice in one transaction.
/// </summary>
public sealed class RunLedger(AppDatabase database, ScheduleNoticeStore notices)
{
    /// <summary>The claim's outcome: <see cref="Won"/> with the attempt it counts, or the outcome the run already has.</summary>
    public sealed record Claim(bool Won, int Attempts, RunOutcome Stored);

    public async Task<Claim> ClaimAsync(string runId, string scheduleId, DateTimeOffset dueAt, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await TryInsertAsync(connection, runId, scheduleId, dueAt, now, lease, cancellationToken)) return new Claim(true, 1, RunOutcome.Running);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE ScheduleRuns SET Outcome = @running, Attempts = Attempts + 1, LeaseUntil = @leaseUntil, StartedAt = @now, Error = NULL
             WHERE RunId = @runId AND Outcome IN (@running, @retry) AND LeaseUntil <= @now
            """;
        command.AddParameter("@running", nameof(RunOutcome.Running));
        command.AddParameter("@retry", nameof(RunOutcome.RetryPending));
        command.AddParameter("@leaseUntil", database.Dialect.Timestamp(now + lease));
        command.AddParameter("@now", database.Dialect.Timestamp(now));
        command.AddParameter("@runId", runId);
        var won = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        var (attempts, outcome) = await ReadAsync(connection, runId, cancellationToken) ?? (0, RunOutcome.Running);
        return new Claim(won, attempts, outcome);
    }

    /// <summary>Writes how the run ended and, when there is one, its notice, together.</summary>
    /// <param name="leaseUntil">For <see cref="RunOutcome.RetryPending"/>: when the retry may take the run over.</param>
    public async Task FinishAsync(string runId, RunOutcome outcome, int? resultRows, string? conversationId, string? error,
        DateTimeOffset now, DateTimeOffset? leaseUntil, PendingNotice? notice, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = transaction.CreateCommand("""
            UPDATE ScheduleRuns SET Outcome = @outcome, FinishedAt = @finishedAt, LeaseUntil = @leaseUntil, ResultRows = @resultRows,
                                    ConversationId = @conversationId, Error = @error
             WHERE RunId = @runId
            """))
        {
            command.AddParameter("@outcome", outcome.ToString());
            command.AddParameter("@finishedAt", leaseUntil is null ? database.Dialect.Timestamp(now) : null);
            command.AddParameter("@leaseUntil", database.Dialect.Timestamp(leaseUntil ?? now));
            command.AddParameter("@resultRows", resultRows);
            command.AddParameter("@conversationId", conversationId);
            command.AddParameter("@error", error);
            command.AddParameter("@runId", runId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (notice is not null) await notices.InsertAsync(transaction, notice, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> TryInsertAsync(DbConnection connection, string runId, string scheduleId, DateTimeOffset dueAt, DateTimeOffset now,
        TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ScheduleRuns (RunId, ScheduleId, DueAt, Outcome, Attempts, StartedAt, LeaseUntil)
            VALUES (@runId, @scheduleId, @dueAt, @running, 1, @now, @leaseUntil)
            """;
        command.AddParameter("@runId", runId);
        command.AddParameter("@scheduleId", scheduleId);
        command.AddParameter("@dueAt", database.Dialect.Timestamp(dueAt));
        command.AddParameter("@running", nameof(RunOutcome.Running));
        command.AddParameter("@now", database.Dialect.Timestamp(now));
        command.AddParameter("@leaseUntil", database.Dialect.Timestamp(now + lease));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            // The drivers word a duplicate key differently; that the row exists now is what tells us it was one.
            if (await ReadAsync(connection, runId, cancellationToken) is null) throw;
            return false;
        }
    }

    private static async Task<(int Attempts, RunOutcome Outcome)?> ReadAsync(DbConnection connection, string runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Attempts, Outcome FROM ScheduleRuns WHERE RunId = @runId";
        command.AddParameter("@runId", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return ((int)DbValues.Int64(reader, 0), Enum.Parse<RunOutcome>(reader.GetString(1)));
    }
}
