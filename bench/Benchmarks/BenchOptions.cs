using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks;

/// <summary>The command line: which suite to run and, optionally, a PostgreSQL server to measure against.</summary>
internal sealed record BenchOptions(Suite Suite, string? PostgresServer)
{
    public const string Usage = "usage: Benchmarks [startup|storage|query|pipeline|dashboard|all] [--postgres \"<connection string>\"]";

    public bool Includes(Suite suite) => Suite == Suite.All || Suite == suite;

    /// <exception cref="ArgumentException">An argument is unknown or incomplete; the message ends with the usage line.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        Suite? suite = null;
        string? postgres = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--postgres")
            {
                postgres = i + 1 < args.Count && args[i + 1].Length > 0 ? args[++i] : throw Invalid("--postgres needs a connection string");
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
        // The same variable ./test.sh sets, so a benchmark run inside that environment measures PostgreSQL too.
        postgres ??= Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        return new BenchOptions(suite ?? Suite.All, postgres);
    }

    private static ArgumentException Invalid(string reason) => new($"{reason}\n{Usage}");
}
