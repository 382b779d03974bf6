using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Audit;

/// <summary>Appends rows to the app database's <c>ActivityLog</c> table.</summary>
public sealed partial class ActivityLog(AppDatabase database, TimeProvider timeProvider, ILogger<ActivityLog> logger)
{
    /// <summary>
    /// Writes the entry after the action it records has happened. A failure is logged, not thrown:
    /// the action is already done and must not be reported to the user as failed.
    /// </summary>
    public async Task AppendAsync(ActivityEntry entry, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO ActivityLog (OccurredAt, UserId, OrgId, Source, EventType, TargetType, TargetId, Details)
                VALUES (@occurredAt, @userId, @orgId, @source, @eventType, @targetType, @targetId, @details)
                """;
            command.AddParameter("@occurredAt", database.Dialect.Timestamp(timeProvider.GetUtcNow()));
            command.AddParameter("@userId", entry.UserId);
            command.AddParameter("@orgId", entry.OrgId);
            command.AddParameter("@source", ActivitySource.Current);
            command.AddParameter("@eventType", entry.EventType);
            command.AddParameter("@targetType", entry.TargetType);
            command.AddParameter("@targetId", entry.TargetId);
            command.AddParameter("@details", entry.Details is null ? null : JsonSerializer.Serialize(entry.Details));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or DatabaseUnavailableException)
        {
            LogAppendFailed(logger, entry.EventType, entry.UserId, entry.OrgId, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Activity log entry {EventType} (user {UserId}, org {OrgId}) was not written: {Reason}")]
    private static partial void LogAppendFailed(ILogger logger, string eventType, long? userId, string? orgId, string reason);
}
