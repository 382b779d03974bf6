using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Store;

/// <summary>
/// The <c>Schedules</c> rows of the app database. Each row is written by its own schedule grain only, so no write here
/// guards against another writer. The webhook secret is protected on the way in, bound to the schedule's id.
/// </summary>
public sealed partial class ScheduleStore(AppDatabase database, SecretProtector secrets)
{
    public async Task InsertAsync(ScheduleDefinition schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO Schedules ({string.Join(", ", ScheduleRows.Columns)})
            VALUES ({string.Join(", ", ScheduleRows.Columns.Select(column => "@" + column))})
            """;
        var protectedSecret = schedule.WebhookSecret is { } secret ? secrets.Protect(secret, schedule.ScheduleId) : null;
        ScheduleRows.Bind(command, database.Dialect, schedule, protectedSecret);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>Null when there is no such row (never created, or deleted).</returns>
    public async Task<ScheduleDefinition?> FindAsync(string scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ScheduleRows.SelectList("s")} FROM Schedules s WHERE s.ScheduleId = @scheduleId";
        command.AddParameter("@scheduleId", scheduleId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var (schedule, protectedSecret) = ScheduleRows.Read(reader);
        return schedule with { WebhookSecret = protectedSecret is null ? null : secrets.Unprotect(protectedSecret, scheduleId) };
    }

    /// <summary>Writes what a pause, resume or run changes: status, reason, next due time and an alert's memory.</summary>
    public async Task UpdateAsync(ScheduleDefinition schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE Schedules SET {string.Join(", ", ScheduleRows.Changeable.Select(column => $"{column} = @{column}"))}
             WHERE ScheduleId = @ScheduleId
            """;
        ScheduleRows.BindChangeable(command, database.Dialect, schedule);
        command.AddParameter("@ScheduleId", schedule.ScheduleId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the row; its runs stay in <c>ScheduleRuns</c>, as the ledger of what was sent.</summary>
    public async Task DeleteAsync(string scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM Schedules WHERE ScheduleId = @scheduleId";
        command.AddParameter("@scheduleId", scheduleId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<int> CountOfOwnerAsync(long ownerUserId, CancellationToken cancellationToken) =>
        CountAsync("OwnerUserId", ownerUserId, cancellationToken);

    public Task<int> CountOfOrganizationAsync(string orgId, CancellationToken cancellationToken) =>
        CountAsync("OrgId", orgId, cancellationToken);

    private async Task<int> CountAsync(string column, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Schedules WHERE {column} = @value";
        command.AddParameter("@value", value);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
