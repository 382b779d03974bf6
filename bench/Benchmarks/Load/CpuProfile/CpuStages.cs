namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>
/// The stages a CPU breakdown reports for one kind of process, and how a sampled call stack is put in one: the first stage
/// (in order) any of whose markers appears in one of the stack's frames. Kernel time lands with the code that asked for it
/// (a socket send from Npgsql is the app database), since every frame is looked at, not only the innermost.
/// </summary>
internal sealed class CpuStages((string Stage, string[] Markers)[] rules)
{
    public const string Other = "other (runtime, native, unnamed)";

    private const string Spinning = "thread pool waiting for work (spinning)";
    private static readonly string[] SpinningMarkers = ["LowLevelLifoSemaphore", "LowLevelSpinWaiter"];

    /// <summary>A silo's share of a question. Order matters where stacks hold several: the grain runtime sits under almost everything.</summary>
    public static CpuStages Silo { get; } = new(
    [
        (Spinning, SpinningMarkers),
        ("JIT", ["libclrjit"]),
        ("token counting", ["Microsoft.ML.Tokenizers"]),
        ("SQL guard", ["OrleansAssistant.CustomerDatabases.Guard"]),
        ("schema text and table picking", ["OrleansAssistant.CustomerDatabases.Schema", "SchemaText"]),
        ("ledger (group commit)", ["OrleansAssistant.Grains.Costs", "OrleansAssistant.Grains.Storage.Batching"]),
        ("activity log", ["OrleansAssistant.Grains.Audit"]),
        ("customer SQL", ["OrleansAssistant.CustomerDatabases.Execution", "Microsoft.Data.Sqlite", "libe_sqlite3", "MySqlConnector"]),
        ("model HTTP + JSON", ["OrleansAssistant.Grains.Llm", "Microsoft.Extensions.AI", "[OpenAI]", "System.ClientModel"]),
        ("app database, other (grain state, membership, reminders)", ["Npgsql"]),
        ("grain calls (Orleans messaging, serialization, scheduling)", ["[Orleans."]),
        ("pipeline and grains (prompts, answers)", ["[OrleansAssistant."]),
        ("sockets, HTTP, timers (unattributed)", ["[System.Net.", "kernel.kallsyms"]),
    ]);

    /// <summary>
    /// The benchmark process: the product's bot gateway (Telegram client, update lanes, the cluster client) against what only the
    /// benchmark runs (the fake Telegram and model servers, the simulated users).
    /// </summary>
    public static CpuStages BenchmarkProcess { get; } = new(
    [
        (Spinning, SpinningMarkers),
        ("JIT", ["libclrjit"]),
        ("fake Telegram and model servers (test doubles)", ["[OrleansAssistant.TestSupport]", "[Microsoft.AspNetCore."]),
        ("simulated users and the benchmark's bookkeeping", ["[OrleansAssistant.Benchmarks]"]),
        ("bot gateway (updates, replies, Telegram client)", ["[OrleansAssistant.Gateway.Bot]", "[Telegram.Bot]", "[OrleansAssistant.Hosting]"]),
        ("bot gateway's cluster client (Orleans messaging, serialization)", ["[Orleans."]),
        ("sockets, HTTP, timers (unattributed)", ["[System.Net.", "kernel.kallsyms"]),
    ]);

    public IEnumerable<string> All => rules.Select(rule => rule.Stage).Append(Other);

    public string Of(IReadOnlyList<string> frames)
    {
        foreach (var (stage, markers) in rules)
        {
            foreach (var frame in frames)
            {
                foreach (var marker in markers)
                {
                    if (frame.Contains(marker, StringComparison.Ordinal)) return stage;
                }
            }
        }
        return Other;
    }
}
