using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Notices;

/// <summary>
/// The <c>ScheduleNotices</c> table. A notice is written in the transaction that finishes its run, at most once per run and
/// kind, and handed out once: <c>Taken</c> flips for the one caller whose conditional update wins the row.
/// </summary>
public sealed class ScheduleNoticeStore(AppDatabase database)
{
    /// <summary>A taken row before its chart is drawn.</summary>
    public sealed record TakenRow(long NoticeId, string ScheduleId, string? RunId, long UserId, long ChatId, ScheduleNoticeKind Kind, NoticePayload Payload);

    public async Task InsertAsync(DbTransaction transaction, PendingNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A run taken over after its silo died may finish twice; the first notice stands (the unique index would refuse the second).
        if (notice.RunId is not null)
        {
            await using var exists = transaction.CreateCommand("SELECT COUNT(*) FROM ScheduleNotices WHERE RunId = @runId AND Kind = @kind");
            exists.AddParameter("@runId", notice.RunId);
            exists.AddParameter("@kind", notice.Kind.ToString());
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0) return;
        }
        await using var command = transaction.CreateCommand("""
            INSERT INTO ScheduleNotices (ScheduleId, RunId, UserId, ChatId, Kind, Payload, CreatedAt, Taken)
            VALUES (@scheduleId, @runId, @userId, @chatId, @kind, @payload, @createdAt, @false)
            """);
        command.AddParameter("@scheduleId", notice.ScheduleId);
        command.AddParameter("@runId", notice.RunId);
        command.AddParameter("@userId", notice.UserId);
        command.AddParameter("@chatId", notice.ChatId);
        command.AddParameter("@kind", notice.Kind.ToString());
        command.AddParameter("@payload", notice.Payload.ToJson());
        command.AddParameter("@createdAt", database.Dialect.Timestamp(now));
        command.AddParameter("@false", false);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> notices nobody has taken, oldest first, each marked taken by the one caller that wins it.</summary>
    public async Task<IReadOnlyList<TakenRow>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var taken = new List<TakenRow>();
        foreach (var row in await UntakenAsync(connection, max, cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ScheduleNotices SET Taken = @true WHERE NoticeId = @noticeId AND Taken = @false";
            command.AddParameter("@true", true);
            command.AddParameter("@noticeId", row.NoticeId);
            command.AddParameter("@false", false);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) taken.Add(row);
        }
        return taken;
    }

    private static async Task<List<TakenRow>> UntakenAsync(DbConnection connection, int max, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT NoticeId, ScheduleId, RunId, UserId, ChatId, Kind, Payload FROM ScheduleNotices
             WHERE Taken = @false ORDER BY NoticeId
            """;
        command.AddParameter("@false", false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<TakenRow>();
        while (rows.Count < max && await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TakenRow(DbValues.Int64(reader, 0), reader.GetString(1), DbValues.NullableString(reader, 2), DbValues.Int64(reader, 3),
                DbValues.Int64(reader, 4), Enum.Parse<ScheduleNoticeKind>(reader.GetString(5)), NoticePayload.FromJson(reader.GetString(6))));
        }
        return rows;
    }
}
