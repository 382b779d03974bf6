using System.Globalization;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>A ledger around 10 May 2026 for the daily-totals tests, and reading the totals back as stored.</summary>
public abstract partial class CostLedgerTests
{
    private static readonly ModelPrice Pro25 = new("gemini-2.5-pro", 1.25m, 10m, Since2000);

    protected sealed record SeededQuestion(ConversationRecord Conversation, IReadOnlyList<StageRecord> Stages);

    protected sealed record DailyLedger(string OrgA, string OrgB, IReadOnlyList<SeededQuestion> Questions);

    /// <summary>One row of <c>DailyModelCosts</c>, money as a decimal whatever the dialect stores.</summary>
    protected sealed record DailyCallsRow(DateTimeOffset Day, long UserId, string Model, int StageNumber, string StageName,
        long Calls, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost);

    /// <summary>
    /// Questions of two organizations and of nobody's, from 7 May to 13 May: at midnight exactly, in the
    /// last millisecond of a day, at random hours; model calls that run past midnight; a question without
    /// calls; ten-decimal costs, some with an eleventh decimal that the ledger rounds away.
    /// </summary>
    protected static DailyLedger SeededLedger(int seed)
    {
        var random = new Random(seed);
        var (orgA, orgB) = ($"ORG_{Guid.NewGuid():N}", $"ORG_{Guid.NewGuid():N}");
        var users = new Dictionary<string, long[]> { [orgA] = [NewId(), NewId()], [orgB] = [NewId(), NewId()], [""] = [NewId()] };
        var questions = new List<SeededQuestion>();
        for (var day = -3; day <= 3; day++)
        {
            var start = May10.AddDays(day);
            var starts = new[] { start, start.AddDays(1).AddMilliseconds(-1), start.AddHours(random.Next(24)).AddMinutes(random.Next(60)) };
            foreach (var orgId in users.Keys)
            {
                foreach (var at in starts)
                {
                    var conversation = Conversation(NewConversationId(), users[orgId][random.Next(users[orgId].Length)], orgId == "" ? null : orgId, at);
                    questions.Add(new SeededQuestion(conversation, Stages(random, at)));
                }
            }
        }
        questions.Add(new SeededQuestion(Conversation(NewConversationId(), users[orgA][0], orgA, May10.AddHours(12)), []));
        return new DailyLedger(orgA, orgB, questions);
    }

    private static StageRecord[] Stages(Random random, DateTimeOffset startedAt)
    {
        ModelPrice[] models = [Flash25, Flash20, Pro25];
        string[] names = ["summary", "sql-response", "email"];
        var count = random.Next(1, 5);
        return [.. Enumerable.Range(1, count).Select(sequence =>
        {
            var stageNumber = Math.Min(sequence, 3);
            return new StageRecord(sequence, stageNumber, names[stageNumber - 1], models[random.Next(models.Length)].Model,
                random.Next(0, 40_000), random.Next(0, 4_000), RandomMoney(random), RandomMoney(random), startedAt.AddMilliseconds(sequence * 700), 500, true);
        })];
    }

    /// <summary>Up to a few dollars with ten decimals, sometimes an eleventh, sometimes exactly zero.</summary>
    private static decimal RandomMoney(Random random) => random.Next(8) == 0
        ? 0m
        : random.Next(0, 4) + random.Next(1, 100_000) * 0.0000000001m + random.Next(0, 100) * 0.01m + random.Next(0, 2) * 0.00000000005m;

    /// <summary>What a money column keeps: ten decimals, a half rounded away from zero.</summary>
    protected static decimal AtTenPlaces(decimal value) => decimal.Round(value, 10, MidpointRounding.AwayFromZero);

    protected static async Task RecordAllAsync(ConversationLedger ledger, IEnumerable<SeededQuestion> questions)
    {
        foreach (var question in questions) await ledger.RecordAsync(question.Conversation, question.Stages, null, CancellationToken.None);
    }

    protected static async Task<List<DailyCallsRow>> ReadDailyCallsAsync(AppDatabase database, string orgId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens, InputCost, OutputCost
              FROM DailyModelCosts WHERE OrgId = @orgId
            """;
        command.AddParameter("@orgId", orgId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DailyCallsRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DailyCallsRow(Day(reader.GetValue(0)), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), DailyMoney(reader.GetValue(8)), DailyMoney(reader.GetValue(9))));
        }
        return rows;
    }

    private static DateTimeOffset Day(object value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"Day came back as {value.GetType().Name}."),
    };

    // SQLite keeps the totals' money as a whole number of 10^-10, so that adding to it stays exact.
    private static decimal DailyMoney(object value) => value is long units ? units / 10_000_000_000m : Money(value);

    protected static async Task ExecuteAsync(AppDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.AddParameter(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
