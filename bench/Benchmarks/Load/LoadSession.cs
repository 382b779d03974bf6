using System.Diagnostics;
using OrleansAssistant.Benchmarks.Load.CpuProfile;
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
    // The same arrivals on every run; any fixed number would do.
    private const int OpenLoopSeed = 19;
    // A step that ends this many seconds of arrivals behind is past saturation: a faster one cannot do better.
    private const int BacklogSeconds = 5;
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(5);

    private readonly List<IAsyncDisposable> _resources = [];
    private readonly TempDirectory _folder = new();
    private ScratchPostgresDatabase _appDatabase = null!;
    private CustomerDatabases _sqlite = null!;
    private CustomerDatabases _postgres = null!;
    private SlowModel _model = null!;
    private bool _cpuProfile;
    private SiloCluster _cluster = null!;
    private InProcessBotGateway _gateway = null!;
    private SimulatedUser[] _users = [];
    private CustomerDatabaseKind? _selected;
    private double _rssBeforeUsers;

    private LoadSession(int silos) => Silos = silos;

    public int Silos { get; }

    public double SetupSeconds { get; private set; }

    private int[] SiloProcessIds => [.. _cluster.Silos.Select(silo => silo.ProcessId)];

    /// <param name="throughGrains">Set up the users by calling the grains, with a database of this kind only (the open loop's fast path); null: through the bot.</param>
    /// <param name="cpuProfile">Start the silos so that perf can name their JIT-compiled code (<see cref="PerfRecording.SiloEnvironment"/>).</param>
    public static async Task<LoadSession> StartAsync(int silos, int users, string postgresServer, CancellationToken cancellationToken,
        CustomerDatabaseKind? throughGrains = null, bool cpuProfile = false)
    {
        var session = new LoadSession(silos) { _cpuProfile = cpuProfile };
        try
        {
            await session.StartCoreAsync(users, postgresServer, throughGrains, cancellationToken);
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
        _model.StageOneSql = SalesTable.SalesByRegion;
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
        var sql = LatencySummary.Of(await customers.TimeQueryAsync(_model.StageOneSql, SqlProbeRuns, cancellationToken));
        return LoadRunSummary.Of(shape, samples, window, sql, _rssBeforeUsers, SetupSeconds, loadBefore);
    }

    /// <summary>
    /// The open loop: questions arrive at each rate of <paramref name="options"/> in turn, after a warm-up at the first.
    /// The ramp stops early once answers fall so far behind that later, faster steps could only pile up more.
    /// </summary>
    public async Task<OpenLoopResult> RunOpenLoopAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var shape = options.Shape;
        _model.Latency = TimeSpan.FromMilliseconds(shape.ModelLatencyMs);
        _model.StageOneSql = SalesTable.PointLookup;
        // The cluster's own background (membership, reminders) with no question in flight, to set the per-answer figures against.
        // PostgreSQL publishes a backend's counts up to a second late: the set-up's last ones must not land in the quiet window.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var quietStart = await ReadEdgeAsync(cancellationToken);
        await Task.Delay(QuietWindow, cancellationToken);
        var quiet = OpenLoopIdle.Of(quietStart, await ReadEdgeAsync(cancellationToken));

        var driver = new OpenLoopDriver(_users, Patience(shape), OpenLoopSeed) { Rate = options.Rates[0] };
        using var stopArrivals = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var arriving = Task.Run(() => driver.RunAsync(stopArrivals.Token), CancellationToken.None);

        Console.WriteLine($"  open loop: {options.WarmUpSeconds} s warm-up at {options.Rates[0]} questions/s, then {options.StepSeconds} s per step");
        await Task.Delay(TimeSpan.FromSeconds(options.WarmUpSeconds), cancellationToken);
        var edges = new List<(int Rate, OpenLoopReading Start, OpenLoopReading End, int Open)>();
        var profiles = new List<StepProfile>();
        var start = await ReadEdgeAsync(cancellationToken);
        string? stoppedEarly = null;
        foreach (var rate in options.Rates)
        {
            driver.Rate = rate;
            if (options.CpuProfile) profiles.Add(StepProfile.Start(SiloProcessIds, TimeSpan.FromSeconds(options.StepSeconds)));
            var wait = TimeSpan.FromSeconds(options.StepSeconds) - Stopwatch.GetElapsedTime(start.At);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            var end = await ReadEdgeAsync(cancellationToken);
            var open = driver.Open;
            edges.Add((rate, start, end, open));
            Console.WriteLine($"  step {rate} questions/s done: {open} question(s) open at its end (load average {ProcStat.LoadAverage()})");
            start = end;
            if (open > rate * BacklogSeconds && rate != options.Rates[^1])
            {
                stoppedEarly = $"after {rate} questions/s: {open} questions open, more than {BacklogSeconds} s of arrivals behind";
                break;
            }
        }
        await stopArrivals.CancelAsync();
        Console.WriteLine($"  waiting for the {driver.Open} open question(s) (each at most {Patience(shape).TotalSeconds:0} s)");
        var (samples, arrivals, unserved) = await arriving;

        var customers = shape.CustomerDatabase == CustomerDatabaseKind.Sqlite ? _sqlite : _postgres;
        var sql = LatencySummary.Of(await customers.TimeQueryAsync(_model.StageOneSql, SqlProbeRuns, cancellationToken));
        var steps = edges.Select(edge => OpenLoopStepSummary.Of(edge.Rate, edge.Start, edge.End, edge.Open, shape.ModelLatencyMs, sql.P50, samples, arrivals, unserved)).ToArray();
        // The recordings are read only now: reading one takes seconds of CPU, which must not fall into a later step.
        for (var i = 0; i < profiles.Count && i < steps.Length; i++)
        {
            var (silos, benchmark) = await profiles[i].ReadAsync(steps[i].SiloCpuMsPerAnswer, steps[i].BenchCpuMsPerAnswer, cancellationToken);
            steps[i] = steps[i] with { Cpu = silos, BenchmarkCpu = benchmark };
        }
        foreach (var profile in profiles) profile.Dispose();
        var failures = samples.Where(sample => sample.FailureText is not null).Select(sample => sample.FailureText!).Distinct().Take(5).ToArray();
        return new OpenLoopResult(shape, SetupSeconds, options.WarmUpSeconds, sql, quiet, steps, stoppedEarly, failures);
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

    private async Task StartCoreAsync(int users, string postgresServer, CustomerDatabaseKind? throughGrains, CancellationToken cancellationToken)
    {
        var sqliteFolder = Path.Combine(_folder.Path, "customer-databases");
        _appDatabase = Track(await ScratchPostgresDatabase.CreateAsync(postgresServer, cancellationToken));
        _sqlite = Track(await CustomerDatabases.CreateAsync(CustomerDatabaseKind.Sqlite, sqliteFolder, postgresServer, cancellationToken));
        _postgres = Track(await CustomerDatabases.CreateAsync(CustomerDatabaseKind.Postgres, sqliteFolder, postgresServer, cancellationToken));
        _model = Track(await SlowModel.StartAsync());
        var telegram = Track(await FakeTelegramServer.StartAsync());

        Console.WriteLine($"  starting {Silos} silo process(es)");
        var siloSettings = SiloCluster.Settings(_appDatabase.ConnectionString, _model.BaseUrl, sqliteFolder);
        if (_cpuProfile) foreach (var (key, value) in PerfRecording.SiloEnvironment) siloSettings[key] = value;
        _cluster = Track(await SiloCluster.StartAsync(Silos, siloSettings, cancellationToken));
        _rssBeforeUsers = await UsageSampler.SettledRssBytesAsync(SiloProcessIds, cancellationToken);
        _gateway = Track(await InProcessBotGateway.StartAsync(_appDatabase.ConnectionString, telegram, cancellationToken));
        var replies = Track(new ChatReplies(telegram));
        _users = [.. Enumerable.Range(0, users).Select(index => new SimulatedUser(FirstUserId + index, telegram, replies))];

        var begin = Stopwatch.GetTimestamp();
        if (throughGrains is { } kind)
        {
            Console.WriteLine($"  {users} users through the grains: registered, one personal {kind} database added and selected");
            await GrainUserSetup.RunAsync(_gateway.Cluster, _users, kind == CustomerDatabaseKind.Sqlite ? _sqlite : _postgres, kind, cancellationToken);
            _selected = kind;
        }
        else
        {
            Console.WriteLine($"  {users} users through the bot: /start; /createorg, /adddb ×2, /invite or /join; else /adddb ×2");
            await UserSetup.RunAsync(_users, _sqlite, _postgres, cancellationToken);
        }
        SetupSeconds = Math.Round(Timing.MillisecondsSince(begin) / 1000, 1);
        Console.WriteLine($"  users set up in {SetupSeconds:F1} s");
    }

    private Task<OpenLoopReading> ReadEdgeAsync(CancellationToken cancellationToken) =>
        OpenLoopReading.ReadAsync(SiloProcessIds, () => _model.Requests, _appDatabase.ConnectionString, cancellationToken);

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    // A question waits for the model twice; beyond that, a minute means the system is stuck, not slow.
    private static TimeSpan Patience(LoadRunShape shape) => TimeSpan.FromSeconds(60) + 2 * TimeSpan.FromMilliseconds(shape.ModelLatencyMs);
}
