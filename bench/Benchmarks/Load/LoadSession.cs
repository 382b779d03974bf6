using System.Diagnostics;
using OrleansAssistant.Benchmarks.Storage;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// A PostgreSQL-backed cluster of silo processes with the bot gateway in this process as its Orleans client, the
/// fake Telegram and fake model, and the users brought in through the bot. Runs with the same silo count share it:
/// between them only the model's latency and the users' selected database change.
/// </summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private const long FirstUserId = 9_300_000_000;
    private const int SqlProbeRuns = 50;

    private readonly List<IAsyncDisposable> _resources = [];
    private readonly TempDirectory _folder = new();
    private ScratchPostgresDatabase _appDatabase = null!;
    private CustomerDatabases _sqlite = null!;
    private CustomerDatabases _postgres = null!;
    private SlowModel _model = null!;
    private SiloCluster _cluster = null!;
    private InProcessBotGateway _gateway = null!;
    private SimulatedUser[] _users = [];
    private CustomerDatabaseKind? _selected;
    private double _rssBeforeUsers;

    private LoadSession(int silos) => Silos = silos;

    public int Silos { get; }

    public double SetupSeconds { get; private set; }

    private int[] SiloProcessIds => [.. _cluster.Silos.Select(silo => silo.ProcessId)];

    public static async Task<LoadSession> StartAsync(int silos, int users, string postgresServer, CancellationToken cancellationToken)
    {
        var session = new LoadSession(silos);
        try
        {
            await session.StartCoreAsync(users, postgresServer, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<LoadRunResult> RunAsync(LoadRunShape shape, CancellationToken cancellationToken)
    {
        var loadBefore = ProcStat.LoadAverage();
        _model.Latency = TimeSpan.FromMilliseconds(shape.ModelLatencyMs);
        if (_selected != shape.CustomerDatabase)
        {
            Console.WriteLine($"  every user: /selectdb and a press on their {shape.CustomerDatabase} database");
            await UserSetup.SelectAsync(_users, shape.CustomerDatabase, cancellationToken);
            _selected = shape.CustomerDatabase;
        }

        Console.WriteLine($"  load: {LoadDriver.WarmUp.TotalSeconds:0} s warm-up, then {shape.Seconds} s measured");
        var sampler = new UsageSampler([.. _cluster.Silos.Select((silo, index) => ($"silo {index + 1}", silo.ProcessId)), ("bench (bot gateway, fakes, users)", Environment.ProcessId)]);
        var window = new LoadWindow { ModelCallsBefore = _model.Requests };
        var (all, samples) = await LoadDriver.RunAsync(_users, Patience(shape), async () =>
        {
            window.RowsBefore = await AppDatabaseRows.CountAsync(_appDatabase.ConnectionString, cancellationToken);
            var begin = Stopwatch.GetTimestamp();
            using var stopSampling = new CancellationTokenSource(TimeSpan.FromSeconds(shape.Seconds));
            window.Usage = await sampler.RunAsync(stopSampling.Token);
            window.Seconds = Timing.MillisecondsSince(begin) / 1000;
            window.RowsAfter = await AppDatabaseRows.CountAsync(_appDatabase.ConnectionString, cancellationToken);
        }, cancellationToken);
        window.ModelCallsAfter = _model.Requests;
        window.AnsweredInRun = all.Count(sample => sample.Action == UserAction.Question && sample.Outcome == ActionOutcome.Done);

        var customers = shape.CustomerDatabase == CustomerDatabaseKind.Sqlite ? _sqlite : _postgres;
        var sql = LatencySummary.Of(await customers.TimeQueryAsync(SqlProbeRuns, cancellationToken));
        return LoadRunSummary.Of(shape, samples, window, sql, _rssBeforeUsers, SetupSeconds, loadBefore);
    }

    /// <summary>Commands only, from <see cref="CommandBurst.Chats"/> chats at once.</summary>
    public Task<CommandBurstResult> MeasureCommandsAsync(CancellationToken cancellationToken) => CommandBurst.RunAsync(_users, cancellationToken);

    /// <summary>Last in a session: it leaves thousands of extra grains behind.</summary>
    public async Task<double> MeasureIdleGrainBytesAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"  memory per idle user grain: registering {IdleGrainMemory.ExtraUsers} more users who then stay idle");
        return await IdleGrainMemory.MeasureAsync(_gateway.Cluster, SiloProcessIds, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse order of start: the users' side first, the databases last.
        for (var i = _resources.Count - 1; i >= 0; i--) await _resources[i].DisposeAsync();
        _folder.Dispose();
    }

    private async Task StartCoreAsync(int users, string postgresServer, CancellationToken cancellationToken)
    {
        var sqliteFolder = Path.Combine(_folder.Path, "customer-databases");
        _appDatabase = Track(await ScratchPostgresDatabase.CreateAsync(postgresServer, cancellationToken));
        _sqlite = Track(await CustomerDatabases.CreateAsync(CustomerDatabaseKind.Sqlite, sqliteFolder, postgresServer, cancellationToken));
        _postgres = Track(await CustomerDatabases.CreateAsync(CustomerDatabaseKind.Postgres, sqliteFolder, postgresServer, cancellationToken));
        _model = Track(await SlowModel.StartAsync());
        var telegram = Track(await FakeTelegramServer.StartAsync());

        Console.WriteLine($"  starting {Silos} silo process(es)");
        _cluster = Track(await SiloCluster.StartAsync(Silos, SiloCluster.Settings(_appDatabase.ConnectionString, _model.BaseUrl, sqliteFolder), cancellationToken));
        _rssBeforeUsers = await UsageSampler.SettledRssBytesAsync(SiloProcessIds, cancellationToken);
        _gateway = Track(await InProcessBotGateway.StartAsync(_appDatabase.ConnectionString, telegram, cancellationToken));
        var replies = Track(new ChatReplies(telegram));
        _users = [.. Enumerable.Range(0, users).Select(index => new SimulatedUser(FirstUserId + index, telegram, replies.For(FirstUserId + index)))];

        Console.WriteLine($"  {users} users through the bot: /start; /createorg, /adddb ×2, /invite or /join; else /adddb ×2");
        var begin = Stopwatch.GetTimestamp();
        await UserSetup.RunAsync(_users, _sqlite, _postgres, cancellationToken);
        SetupSeconds = Math.Round(Timing.MillisecondsSince(begin) / 1000, 1);
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    // A question waits for the model twice; beyond that, a minute means the system is stuck, not slow.
    private static TimeSpan Patience(LoadRunShape shape) => TimeSpan.FromSeconds(60) + 2 * TimeSpan.FromMilliseconds(shape.ModelLatencyMs);
}
