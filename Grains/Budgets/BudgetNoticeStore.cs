using System.Data.Common;
using System.Text.Json;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// The <c>BudgetNotices</c> table: a notice is written once per occasion (its once-key is unique, so two writers of the same
/// warning leave one row) and handed out once (<c>Taken</c> flips for the one caller whose conditional update wins the row).
/// </summary>
public sealed class BudgetNoticeStore(AppDatabase database, TimeProvider timeProvider)
{
    /// <returns>Whether the notice was written (false: this occasion was told before).</returns>
    public async Task<bool> AddOnceAsync(string onceKey, BudgetNotice notice, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO BudgetNotices (UserId, Kind, OnceKey, Payload, CreatedAt, Taken)
                SELECT @userId, @kind, @onceKey, @payload, @createdAt, @false
                 WHERE NOT EXISTS (SELECT 1 FROM BudgetNotices WHERE OnceKey = @onceKey)
                """;
            command.AddParameter("@userId", notice.UserId);
            command.AddParameter("@kind", notice.Kind.ToString());
            command.AddParameter("@onceKey", onceKey);
            command.AddParameter("@payload", JsonSerializer.Serialize(notice with { NoticeId = 0 }));
            command.AddParameter("@createdAt", database.Dialect.Timestamp(timeProvider.GetUtcNow()));
            command.AddParameter("@false", false);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        catch (DbException)
        {
            // Two silos may both pass NOT EXISTS; the unique index refuses the second, which is the point.
            return false;
        }
    }

    /// <summary>Up to <paramref name="max"/> notices nobody has taken, oldest first, each marked taken by the one caller that wins it.</summary>
    public async Task<IReadOnlyList<BudgetNotice>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var untaken = new List<BudgetNotice>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT NoticeId, Payload FROM BudgetNotices WHERE Taken = @false ORDER BY NoticeId";
            select.AddParameter("@false", false);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (untaken.Count < max && await reader.ReadAsync(cancellationToken))
            {
                var notice = JsonSerializer.Deserialize<BudgetNotice>(reader.GetString(1))!;
                untaken.Add(notice with { NoticeId = DbValues.Int64(reader, 0) });
            }
        }
        var taken = new List<BudgetNotice>();
        foreach (var notice in untaken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE BudgetNotices SET Taken = @true WHERE NoticeId = @noticeId AND Taken = @false";
            command.AddParameter("@true", true);
            command.AddParameter("@noticeId", notice.NoticeId);
            command.AddParameter("@false", false);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) taken.Add(notice);
        }
        return taken;
    }
}
