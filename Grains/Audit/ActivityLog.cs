using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Audit;

/// <summary>Appends rows to the app database's <c>ActivityLog</c> table, in the silo's group commit.</summary>
public sealed partial class ActivityLog(AppDatabase database, GroupCommit commits, TimeProvider timeProvider, ILogger<ActivityLog> logger)
{
    /// <summary>
    /// Writes the entry after the action it records has happened. A failure is logged, not thrown:
    /// the action is already done and must not be reported to the user as failed.
    /// </summary>
    public async Task AppendAsync(ActivityEntry entry, CancellationToken cancellationToken = default)
    {
        try
        {
            await commits.WriteAsync(Entry(entry), cancellationToken);
        }
        catch (Exception error) when (error is DbException or DatabaseUnavailableException)
        {
            LogAppendFailed(logger, entry.EventType, entry.UserId, entry.OrgId, error.Message);
        }
    }

    /// <summary>
    /// The entry as a write to commit together with the rows of the action it records (a question's ledger rows), so both
    /// are written or neither is. Its time and gateway are taken now, in the caller's context, not when the batch is written.
    /// </summary>
    public BatchedWrite Entry(ActivityEntry entry) => new ActivityWrite(database.Dialect, entry, timeProvider.GetUtcNow(), ActivitySource.Current);

    /// <summary>One activity row waiting for the group commit.</summary>
    private sealed class ActivityWrite(SqlDialect dialect, ActivityEntry entry, DateTimeOffset occurredAt, string source) : BatchedWrite
    {
        public override int Rows => 1;

        public override void Write(StatementBatch statements)
        {
            var command = statements.Add("""
                INSERT INTO ActivityLog (OccurredAt, UserId, OrgId, Source, EventType, TargetType, TargetId, Details)
                VALUES (@occurredAt, @userId, @orgId, @source, @eventType, @targetType, @targetId, @details)
                """);
            command.AddParameter("@occurredAt", dialect.Timestamp(occurredAt));
            command.AddParameter("@userId", entry.UserId);
            command.AddParameter("@orgId", entry.OrgId);
            command.AddParameter("@source", source);
            command.AddParameter("@eventType", entry.EventType);
            command.AddParameter("@targetType", entry.TargetType);
            command.AddParameter("@targetId", entry.TargetId);
            command.AddParameter("@details", entry.Details is null ? null : JsonSerializer.Serialize(entry.Details));
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Activity log entry {EventType} (user {UserId}, org {OrgId}) was not written: {Reason}")]
    private static partial void LogAppendFailed(ILogger logger, string eventType, long? userId, string? orgId, string reason);
}
