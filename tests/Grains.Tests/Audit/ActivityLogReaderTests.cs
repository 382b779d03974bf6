using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Tests.Costs;

namespace OrleansAssistant.Grains.Tests.Audit;

/// <summary>
/// Reading an organization's activity log against a real database; every test runs once per dialect
/// (see <see cref="CostDatabase"/>). Tests share the database, so each uses its own organization.
/// </summary>
public abstract class ActivityLogReaderTests(CostDatabase fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _orgId = $"org_{Guid.NewGuid():N}";
    private readonly SteppingClock _clock = new(Start);

    private ActivityLogReader Reader => new(fixture.Database);

    [Fact]
    public async Task Read_PagesNewestFirst_WithoutOverlapAndWithTheTotal()
    {
        for (var i = 0; i < 5; i++) await AppendAsync(new ActivityEntry("test.event", 1, _orgId, "thing", $"t{i}"));

        var pages = new List<ActivityPage>();
        for (var page = 1; page <= 4; page++) pages.Add(await Reader.ReadAsync(_orgId, new ActivityQuery(null, null, page, 2)));

        Assert.Equal(["t4", "t3", "t2", "t1", "t0"], pages.SelectMany(page => page.Entries).Select(entry => entry.TargetId));
        Assert.Equal([2, 2, 1, 0], pages.Select(page => page.Entries.Count));
        Assert.All(pages, page => Assert.Equal((5L, 2), (page.Total, page.PageSize)));
        Assert.Equal([1, 2, 3, 4], pages.Select(page => page.Page));
    }

    [Fact]
    public async Task Read_RowsOfTheSameInstant_NewestIdFirst()
    {
        _clock.Step = TimeSpan.Zero;
        for (var i = 0; i < 3; i++) await AppendAsync(new ActivityEntry("test.event", 1, _orgId, "thing", $"t{i}"));

        var page = await Reader.ReadAsync(_orgId, new ActivityQuery(null, null, 1, 10));

        Assert.Equal(["t2", "t1", "t0"], page.Entries.Select(entry => entry.TargetId));
        Assert.True(page.Entries[0].Id > page.Entries[1].Id);
    }

    [Fact]
    public async Task Read_FiltersByUserAndByEventType()
    {
        await AppendAsync(new ActivityEntry("a.event", 1, _orgId, TargetId: "1a"));
        await AppendAsync(new ActivityEntry("b.event", 1, _orgId, TargetId: "1b"));
        await AppendAsync(new ActivityEntry("a.event", 2, _orgId, TargetId: "2a"));
        await AppendAsync(new ActivityEntry("a.event", null, _orgId, TargetId: "system"));

        var byUser = await Reader.ReadAsync(_orgId, new ActivityQuery(1, null, 1, 10));
        var byType = await Reader.ReadAsync(_orgId, new ActivityQuery(null, "a.event", 1, 10));
        var byBoth = await Reader.ReadAsync(_orgId, new ActivityQuery(2, "a.event", 1, 10));

        Assert.Equal(["1b", "1a"], byUser.Entries.Select(entry => entry.TargetId));
        Assert.Equal(2, byUser.Total);
        Assert.Equal(["system", "2a", "1a"], byType.Entries.Select(entry => entry.TargetId));
        Assert.Equal(3, byType.Total);
        Assert.Equal(["2a"], byBoth.Entries.Select(entry => entry.TargetId));
        Assert.Equal(1, byBoth.Total);
    }

    [Fact]
    public async Task Read_NeverShowsAnotherOrganizationsRows()
    {
        var otherOrg = $"org_{Guid.NewGuid():N}";
        await AppendAsync(new ActivityEntry("test.event", 1, _orgId, TargetId: "mine"));
        await AppendAsync(new ActivityEntry("test.event", 1, otherOrg, TargetId: "theirs"));
        await AppendAsync(new ActivityEntry("test.event", 1, null, TargetId: "nobody's"));

        var page = await Reader.ReadAsync(_orgId, new ActivityQuery(1, "test.event", 1, 200));

        Assert.Equal(["mine"], page.Entries.Select(entry => entry.TargetId));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Read_GivesEveryColumnAsWritten()
    {
        await AppendAsync(new ActivityEntry("database.added", 42, _orgId, "database", "db_1",
            new Dictionary<string, object?> { ["name"] = "Shop" }));
        await AppendAsync(new ActivityEntry("user.registered", null, _orgId));

        var page = await Reader.ReadAsync(_orgId, new ActivityQuery(null, null, 1, 10));

        Assert.Equal(new ActivityRecord(page.Entries[1].Id, Start + _clock.Step, 42, ActivitySource.System, "database.added", "database", "db_1",
            """{"name":"Shop"}"""), page.Entries[1]);
        Assert.Equal((Start + 2 * _clock.Step, (long?)null, (string?)null, (string?)null, (string?)null),
            (page.Entries[0].OccurredAt, page.Entries[0].UserId, page.Entries[0].TargetType, page.Entries[0].TargetId, page.Entries[0].Details));
        Assert.Equal(TimeSpan.Zero, page.Entries[0].OccurredAt.Offset);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 201)]
    public async Task Read_PageOrPageSizeOutOfRange_Throws(int page, int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Reader.ReadAsync(_orgId, new ActivityQuery(null, null, page, pageSize)));
    }

    private Task AppendAsync(ActivityEntry entry) =>
        new ActivityLog(fixture.Database, fixture.Commits, _clock, NullLogger<ActivityLog>.Instance).AppendAsync(entry);

    /// <summary>Each reading of the time moves it on by <see cref="Step"/>, so rows get distinct, known times.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public TimeSpan Step { get; set; } = TimeSpan.FromSeconds(1);

        public override DateTimeOffset GetUtcNow() => _now += Step;
    }
}

public sealed class ActivityLogReaderSqliteTests(SqliteCostDatabase database)
    : ActivityLogReaderTests(database), IClassFixture<SqliteCostDatabase>;

public sealed class ActivityLogReaderPostgreSqlTests(PostgreSqlCostDatabase database)
    : ActivityLogReaderTests(database), IClassFixture<PostgreSqlCostDatabase>;
