using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Store;

public sealed partial class ScheduleStore
{
    /// <summary>A person's own schedules and alerts, oldest first, each with its newest run.</summary>
    public Task<IReadOnlyList<ScheduleView>> ListOfOwnerAsync(long ownerUserId, CancellationToken cancellationToken) =>
        ListAsync("OwnerUserId = @value", ownerUserId, cancellationToken);

    /// <summary>Every schedule that reads an organization's databases, oldest first, each with its newest run.</summary>
    public Task<IReadOnlyList<ScheduleView>> ListOfOrganizationAsync(string orgId, CancellationToken cancellationToken) =>
        ListAsync("OrgId = @value", orgId, cancellationToken);

    private async Task<IReadOnlyList<ScheduleView>> ListAsync(string filter, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var schedules = new List<ScheduleDefinition>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {ScheduleRows.SelectList("s")} FROM Schedules s WHERE s.{filter} ORDER BY s.CreatedAt, s.ScheduleId";
            command.AddParameter("@value", value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) schedules.Add(ScheduleRows.Read(reader).Schedule);
        }
        var lastRuns = await LastRunsAsync(connection, filter, value, cancellationToken);
        return [.. schedules.Select(schedule => schedule.ToView(lastRuns.GetValueOrDefault(schedule.ScheduleId)))];
    }
}
