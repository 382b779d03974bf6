namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>One model call of a seeded question, as a row of <c>ConversationStages</c>.</summary>
public sealed record SeedStage(int Sequence, int StageNumber, string StageName, string Model, int InputTokens, int OutputTokens,
    decimal InputCost, decimal OutputCost, DateTimeOffset StartedAt)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>One seeded question, as a row of <c>Conversations</c> whose totals are the sums of its stages (as the app writes them).</summary>
public sealed record SeedConversation(string ConversationId, long UserId, string? OrgId, DateTimeOffset StartedAt, IReadOnlyList<SeedStage> Stages)
{
    public long InputTokens => Stages.Sum(stage => (long)stage.InputTokens);
    public long OutputTokens => Stages.Sum(stage => (long)stage.OutputTokens);
    public decimal InputCost => Stages.Sum(stage => stage.InputCost);
    public decimal OutputCost => Stages.Sum(stage => stage.OutputCost);
}

/// <summary>
/// A cost ledger for tests: questions spread over the last weeks, on both sides of every range
/// boundary, with awkward ten-decimal costs so any rounding or floating point shows in the totals.
/// </summary>
public static class CostLedgerSeed
{
    private static readonly string[] Models = ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash"];

    // A comma in a name makes the CSV files quote it.
    private static readonly string[] StageNames = ["Understand", "Write SQL", "Answer, in words"];

    /// <summary>Questions of <paramref name="userIds"/> in <paramref name="orgId"/> around <paramref name="today"/> (a UTC day start).</summary>
    public static IReadOnlyList<SeedConversation> Build(string? orgId, IReadOnlyList<long> userIds, DateTimeOffset today, int seed)
    {
        var random = new Random(seed);
        var starts = new List<DateTimeOffset>();
        // Inside the default 30 days, a few days outside it, and a question every hour-ish of some days.
        foreach (var daysAgo in new[] { 0, 1, 3, 7, 12, 18, 25, 29, 30, 31, 45 })
        {
            starts.Add(today.AddDays(-daysAgo).AddHours(random.Next(0, 24)).AddMinutes(random.Next(0, 60)).AddMilliseconds(random.Next(0, 1000)));
            starts.Add(today.AddDays(-daysAgo).AddHours(random.Next(0, 24)).AddSeconds(random.Next(0, 60)));
        }
        // The first and last instants of the days around CostRanges.Given and the default range's first day.
        starts.AddRange([
            today.AddDays(-7).AddMilliseconds(-1), today.AddDays(-6).AddMilliseconds(-1), today.AddDays(-6),
            today.AddDays(-18), today.AddDays(-18).AddMilliseconds(-1),
            today.AddDays(-29), today.AddDays(-29).AddMilliseconds(-1),
        ]);
        return [.. starts.Select((start, index) => Conversation(orgId, userIds[index % userIds.Count], start, random))];
    }

    private static SeedConversation Conversation(string? orgId, long userId, DateTimeOffset startedAt, Random random)
    {
        var stages = new List<SeedStage>();
        var at = startedAt;
        var count = random.Next(1, 5);
        for (var sequence = 1; sequence <= count; sequence++)
        {
            // A SQL repair round repeats stage 2; the last call may start after midnight of the question's day.
            var stageNumber = Math.Min(sequence, 3);
            at = at.AddMilliseconds(random.Next(1, 900));
            stages.Add(new SeedStage(sequence, stageNumber, StageNames[stageNumber - 1], Models[random.Next(Models.Length)],
                random.Next(0, 40_000), random.Next(0, 4_000), Money(random), Money(random), at));
        }
        return new SeedConversation($"seed-{Guid.NewGuid():N}", userId, orgId, startedAt, stages);
    }

    /// <summary>Up to a few dollars with ten decimals, e.g. 1.0000012345; sometimes exactly zero.</summary>
    private static decimal Money(Random random) => random.Next(8) == 0
        ? 0m
        : random.Next(0, 4) + random.Next(1, 100_000) * 0.0000000001m + random.Next(0, 100) * 0.01m;
}
