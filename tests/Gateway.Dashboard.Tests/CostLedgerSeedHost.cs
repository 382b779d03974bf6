using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// A dashboard host whose app database holds a seeded ledger: organization A (three people), organization B,
/// and questions asked outside any organization. One per app-database provider.
/// </summary>
public abstract class CostLedgerSeedHost : IAsyncLifetime
{
    public DashboardHost Host { get; private set; } = null!;

    public TestOrganization A { get; private set; } = null!;

    public TestOrganization B { get; private set; } = null!;

    /// <summary>00:00 UTC of the host's today, which the default range ends with.</summary>
    public DateTimeOffset Today { get; private set; }

    public IReadOnlyList<SeedConversation> Ledger { get; private set; } = [];

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    protected abstract CostLedgerSeedWriter Writer(DashboardHost host);

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync(await SettingsAsync());
        A = await Host.NewOrganizationAsync("Ledger");
        B = await Host.NewOrganizationAsync("Other");
        var third = await Host.NewUserAsync("Zoë");
        await Host.AddMemberAsync(A.OwnerId, third);
        Today = new DateTimeOffset(Host.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        Ledger =
        [
            .. CostLedgerSeed.Build(A.OrgId, [A.OwnerId, A.MemberId, third], Today, seed: 1),
            .. CostLedgerSeed.Build(B.OrgId, [B.OwnerId, B.MemberId], Today, seed: 2),
            // Asked before joining: in no organization's report.
            .. CostLedgerSeed.Build(null, [third], Today, seed: 3),
        ];
        await Writer(Host).WriteAsync(Ledger);
    }

    public Task DisposeAsync() => Host?.DisposeAsync() ?? Task.CompletedTask;
}

public sealed class SqliteCostLedgerHost : CostLedgerSeedHost
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    // The silo's default app database: app.db in its data folder.
    protected override CostLedgerSeedWriter Writer(DashboardHost host) => CostLedgerSeedWriter.Sqlite(Path.Combine(host.DataDirectory, "app.db"));
}

/// <summary>Needs the server ./test.sh starts; without it these tests fail rather than skip.</summary>
public sealed class PostgreSqlCostLedgerHost : CostLedgerSeedHost
{
    private string _connectionString = "";

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("dashboard_costs");
        return new() { ["AppDatabase:Provider"] = "PostgreSql", ["AppDatabase:ConnectionString"] = _connectionString };
    }

    protected override CostLedgerSeedWriter Writer(DashboardHost host) => CostLedgerSeedWriter.PostgreSql(_connectionString);
}
