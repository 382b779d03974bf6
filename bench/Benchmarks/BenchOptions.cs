using OrleansAssistant.Benchmarks.Load;
using OrleansAssistant.Benchmarks.Verified;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks;

/// <summary>The command line: which suite to run and, optionally, PostgreSQL and MySQL / MariaDB servers to measure against.</summary>
internal sealed record BenchOptions(Suite Suite, string? PostgresServer, LoadOptions Load)
{
    public const string Usage = "usage: Benchmarks [startup|storage|query|pipeline|dashboard|load|charts|verified|schedules|budgets|all] [--postgres \"<connection string>\"] [--mysql \"<connection string>\"] [--save-chart <file.png>] [--schedules N]\n"
        + LoadOptions.Usage + "\n" + VerifiedBenchmarkOptions.Usage;

    /// <summary>query: a MySQL / MariaDB login that may create and drop a database, for the demo's MySQL column.</summary>
    public string? MySqlServer { get; init; }

    /// <summary>charts: where to save the demo database's chart (the README's picture).</summary>
    public string? SaveChartTo { get; init; }

    /// <summary>verified: the workload's size and the fake model's latencies.</summary>
    public VerifiedBenchmarkOptions Verified { get; init; } = VerifiedBenchmarkOptions.Default;

    /// <summary>schedules: how many schedules share the due minute (<c>--schedules N</c>).</summary>
    public int ScheduleCount { get; init; } = 10_000;

    public bool Includes(Suite suite) => Suite == suite || (Suite == Suite.All && suite is not (Suite.Load or Suite.Charts or Suite.Verified or Suite.Schedules or Suite.Budgets or Suite.Rows));

    /// <exception cref="ArgumentException">An argument is unknown or incomplete; the message ends with the usage line.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        Suite? suite = null;
        string? postgres = null;
        string? mySql = null;
        string? saveChart = null;
        var scheduleCount = 10_000;
        var load = LoadOptions.Default;
        var verified = VerifiedBenchmarkOptions.Default;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--postgres")
            {
                postgres = i + 1 < args.Count && args[i + 1].Length > 0 ? args[++i] : throw Invalid("--postgres needs a connection string");
            }
            else if (arg == "--mysql")
            {
                mySql = i + 1 < args.Count && args[i + 1].Length > 0 ? args[++i] : throw Invalid("--mysql needs a connection string");
            }
            else if (arg == "--save-chart")
            {
                saveChart = i + 1 < args.Count && args[i + 1].Length > 0 ? args[++i] : throw Invalid("--save-chart needs a file name");
            }
            else if (arg == "--schedules")
            {
                scheduleCount = i + 1 < args.Count && int.TryParse(args[i + 1], out var many) && many is > 0 and <= 100_000
                    ? many : throw Invalid("--schedules needs a number from 1 to 100000");
                i++;
            }
            else if (TryReadLoadOption(args, ref i, ref load))
            {
                // --users, --silos, --matrix …: read into load, with their values
            }
            else if (TryReadVerifiedOption(args, ref i, ref verified))
            {
                // --questions, --stage1-ms, --stage2-ms: read into verified
            }
            else if (suite is null && Enum.TryParse<Suite>(arg, ignoreCase: true, out var chosen) && !int.TryParse(arg, out _))
            {
                suite = chosen;
            }
            else
            {
                throw Invalid($"unexpected argument '{arg}'");
            }
        }
        if (load.Matrix && load.OpenLoop) throw Invalid("--matrix is the closed loop's; --rate and --ramp run the open loop on one shape");
        // The same variable ./test.sh sets, so a benchmark run inside that environment measures PostgreSQL too.
        postgres ??= Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        mySql ??= Environment.GetEnvironmentVariable(TestMariaDb.Variable) is { Length: > 0 } mariaDb ? mariaDb : null;
        return new BenchOptions(suite ?? Suite.All, postgres, load) { MySqlServer = mySql, SaveChartTo = saveChart, Verified = verified, ScheduleCount = scheduleCount };
    }

    private static bool TryReadLoadOption(IReadOnlyList<string> args, ref int index, ref LoadOptions load)
    {
        try
        {
            return LoadOptions.TryRead(args, ref index, ref load);
        }
        catch (ArgumentException error)
        {
            throw Invalid(error.Message);
        }
    }

    private static bool TryReadVerifiedOption(IReadOnlyList<string> args, ref int index, ref VerifiedBenchmarkOptions verified)
    {
        try
        {
            return VerifiedBenchmarkOptions.TryRead(args, ref index, ref verified);
        }
        catch (ArgumentException error)
        {
            throw Invalid(error.Message);
        }
    }

    private static ArgumentException Invalid(string reason) => new($"{reason}\n{Usage}");
}
