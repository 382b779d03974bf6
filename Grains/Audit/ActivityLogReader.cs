using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Audit;

/// <summary>Reads an organization's activity log a page at a time, newest first.</summary>
public sealed class ActivityLogReader(AppDatabase database)
{
    public const int MaxPageSize = 200;

    public async Task<ActivityPage> ReadAsync(string orgId, ActivityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query.PageSize));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await CountAsync(connection, orgId, query, cancellationToken);
        // A page past the end has no rows to read; its total still tells the caller where the end is.
        var skip = (long)(query.Page - 1) * query.PageSize;
        var entries = skip < total ? await ReadPageAsync(connection, orgId, query, skip, cancellationToken) : [];
        return new ActivityPage(entries, query.Page, query.PageSize, total);
    }

    private static async Task<long> CountAsync(DbConnection connection, string orgId, ActivityQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ActivityLog WHERE {Filter(command, orgId, query)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<ActivityRecord>> ReadPageAsync(DbConnection connection, string orgId, ActivityQuery query, long skip,
                                                                    CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Id breaks ties between rows written in the same millisecond, so pages never overlap or skip.
        command.CommandText = $"""
            SELECT Id, OccurredAt, UserId, Source, EventType, TargetType, TargetId, Details
              FROM ActivityLog
             WHERE {Filter(command, orgId, query)}
             ORDER BY OccurredAt DESC, Id DESC
             {database.Dialect.Page("@skip", "@take")}
            """;
        command.AddParameter("@skip", skip);
        command.AddParameter("@take", (long)query.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ActivityRecord>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
        return rows;
    }

    /// <summary>The WHERE condition for the org and the query's optional filters, with their parameters bound.</summary>
    private static string Filter(DbCommand command, string orgId, ActivityQuery query)
    {
        command.AddParameter("@orgId", orgId);
        var condition = "OrgId = @orgId";
        if (query.UserId is { } userId)
        {
            command.AddParameter("@userId", userId);
            condition += " AND UserId = @userId";
        }
        if (!string.IsNullOrEmpty(query.EventType))
        {
            command.AddParameter("@eventType", query.EventType);
            condition += " AND EventType = @eventType";
        }
        return condition;
    }

    private static ActivityRecord Read(DbDataReader reader) => new(
        Id: DbValues.Int64(reader, 0),
        OccurredAt: DbValues.Timestamp(reader, 1),
        UserId: reader.IsDBNull(2) ? null : DbValues.Int64(reader, 2),
        Source: reader.GetString(3),
        EventType: reader.GetString(4),
        TargetType: DbValues.NullableString(reader, 5),
        TargetId: DbValues.NullableString(reader, 6),
        Details: DbValues.NullableString(reader, 7));
}
