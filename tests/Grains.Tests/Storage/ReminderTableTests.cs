namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>What every reminder table of ours must do, run against each real table through <see cref="IReminderTable"/>.</summary>
public abstract class ReminderTableTests(ReminderTableFixture fixture)
{
    // Whole milliseconds survive every store (PostgreSQL keeps microseconds, the provider sends milliseconds).
    private static readonly DateTime StartAt = new(2026, 3, 29, 1, 30, 15, 250, DateTimeKind.Utc);

    private IReminderTable Table => fixture.Table;

    private static GrainId NewGrain() => GrainId.Create("remindertest", $"g_{Guid.NewGuid():N}");

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = StartAt,
        Period = period ?? TimeSpan.FromMinutes(90),
    };

    [Fact]
    public async Task Upsert_StoresEveryField_AndReturnsTheETagTheRowCarries()
    {
        var grain = NewGrain();

        var etag = await Table.UpsertRow(Entry(grain, "weekly-sales", TimeSpan.FromDays(7)));
        var row = await Table.ReadRow(grain, "weekly-sales");

        Assert.NotNull(row);
        Assert.Equal((grain, "weekly-sales", StartAt, TimeSpan.FromDays(7), etag), (row.GrainId, row.ReminderName, row.StartAt.ToUniversalTime(), row.Period, row.ETag));
    }

    [Fact]
    public async Task Upsert_OfAnExistingReminder_OverwritesIt_WithANewETag()
    {
        var grain = NewGrain();
        var first = await Table.UpsertRow(Entry(grain, "daily"));

        var second = await Table.UpsertRow(Entry(grain, "daily", TimeSpan.FromHours(24)));

        Assert.NotEqual(first, second);
        var row = Assert.Single((await Table.ReadRows(grain)).Reminders);
        Assert.Equal((TimeSpan.FromHours(24), second), (row.Period, row.ETag));
    }

    [Fact]
    public async Task Remove_WithAStaleETag_IsRefused_AndKeepsTheReminder()
    {
        var grain = NewGrain();
        var stale = await Table.UpsertRow(Entry(grain, "alert"));
        var current = await Table.UpsertRow(Entry(grain, "alert"));

        Assert.False(await Table.RemoveRow(grain, "alert", stale!));
        Assert.Equal(current, (await Table.ReadRow(grain, "alert"))?.ETag);

        Assert.True(await Table.RemoveRow(grain, "alert", current!));
        Assert.Null(await Table.ReadRow(grain, "alert"));
        Assert.Empty((await Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Remove_WithTheETagOfAnEarlierRegistration_CannotRemoveTheReminderRegisteredAgain()
    {
        var grain = NewGrain();
        var old = await Table.UpsertRow(Entry(grain, "report"));
        Assert.True(await Table.RemoveRow(grain, "report", old!));
        var again = await Table.UpsertRow(Entry(grain, "report"));

        Assert.False(await Table.RemoveRow(grain, "report", old!));
        Assert.Equal(again, (await Table.ReadRow(grain, "report"))?.ETag);
    }

    [Fact]
    public async Task Remove_OfAReminderThatDoesNotExist_ReportsFalse()
    {
        var grain = NewGrain();
        var etag = await Table.UpsertRow(Entry(grain, "kept"));

        Assert.False(await Table.RemoveRow(grain, "missing", etag!));
        Assert.False(await Table.RemoveRow(NewGrain(), "kept", etag!));
        Assert.NotNull(await Table.ReadRow(grain, "kept"));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsThatGrainsRemindersOnly_AndReadRowFindsOneByName()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await Table.UpsertRow(Entry(grain, "a"));
        await Table.UpsertRow(Entry(grain, "b"));
        await Table.UpsertRow(Entry(other, "a"));

        var rows = (await Table.ReadRows(grain)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(row => row.ReminderName).Order());
        Assert.All(rows, row => Assert.Equal(grain, row.GrainId));
        Assert.Equal((other, "a"), ((await Table.ReadRow(other, "a"))!.GrainId, "a"));
        Assert.Null(await Table.ReadRow(other, "b"));
    }

    public static TheoryData<uint, uint> Ranges => new()
    {
        { 0x1000_0000, 0x6000_0000 },
        // Crosses 2^31, where a signed hash changes sign.
        { 0x6000_0000, 0xA000_0000 },
        { 0xA000_0000, 0xF000_0000 },
        { 0, uint.MaxValue },
        // Wrap-around: begin > end covers the end of the ring and its start.
        { 0xA000_0000, 0x3000_0000 },
        { 0xF000_0000, 0x1000_0000 },
        { 0x7000_0000, 0x6FFF_FFFF },
        // begin = end is the whole ring.
        { 0x4000_0000, 0x4000_0000 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task ReadRows_ByHashRange_ReturnsExactlyTheRowsInTheRange(uint begin, uint end)
    {
        var name = $"range-{Guid.NewGuid():N}";
        var grains = Enumerable.Range(0, 60).Select(_ => NewGrain()).ToArray();
        foreach (var grain in grains) await Table.UpsertRow(Entry(grain, name));

        var rows = (await Table.ReadRows(begin, end)).Reminders;

        Assert.All(rows, row => Assert.True(InRange(row.GrainId.GetUniformHashCode(), begin, end), $"{row.GrainId} is outside ({begin:X8}, {end:X8}]"));
        var expected = grains.Where(grain => InRange(grain.GetUniformHashCode(), begin, end)).ToHashSet();
        Assert.Equal(expected, rows.Where(row => row.ReminderName == name).Select(row => row.GrainId).ToHashSet());
    }

    [Fact]
    public async Task ReadRows_ByHashRange_ExcludesTheBeginHash_AndIncludesTheEndHash()
    {
        var name = $"edge-{Guid.NewGuid():N}";
        var grains = Enumerable.Range(0, 10).Select(_ => NewGrain()).OrderBy(grain => grain.GetUniformHashCode()).ToArray();
        foreach (var grain in grains) await Table.UpsertRow(Entry(grain, name));
        uint first = grains[2].GetUniformHashCode(), last = grains[6].GetUniformHashCode();

        var inside = (await Table.ReadRows(first, last)).Reminders.Where(row => row.ReminderName == name).Select(row => row.GrainId).ToHashSet();
        var outside = (await Table.ReadRows(last, first)).Reminders.Where(row => row.ReminderName == name).Select(row => row.GrainId).ToHashSet();

        Assert.Equal(grains[3..7].ToHashSet(), inside);
        Assert.Equal(grains[..3].Concat(grains[7..]).ToHashSet(), outside);
    }

    [Fact]
    public async Task ManyGrains_EachKeepTheirOwnReminders_AndTheWholeRingHoldsThemAll()
    {
        var name = $"many-{Guid.NewGuid():N}";
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToArray();
        await Task.WhenAll(grains.Select(async grain =>
        {
            await Table.UpsertRow(Entry(grain, name));
            await Table.UpsertRow(Entry(grain, name + "-second"));
        }));

        var perGrain = await Task.WhenAll(grains.Select(grain => Table.ReadRows(grain)));
        var ring = (await Table.ReadRows(0u, 0u)).Reminders;

        Assert.All(perGrain, rows => Assert.Equal(2, rows.Reminders.Count));
        Assert.Equal(400, ring.Count(row => row.ReminderName.StartsWith(name, StringComparison.Ordinal)));
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
