namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>
/// The stages of a question the CPU breakdown reports, and how a sampled call stack is put in one: the first stage (in this
/// order) any of whose markers appears in one of the stack's frames. Kernel time lands with the code that asked for it
/// (a socket send from Npgsql is the app database), since every frame is looked at, not only the innermost.
/// </summary>
internal static class CpuStages
{
    public const string Other = "other (runtime, native, unnamed)";

    // Order matters where stacks hold several: the grain runtime sits under almost everything, so it comes late.
    private static readonly (string Stage, string[] Markers)[] Rules =
    [
        ("thread pool waiting for work (spinning)", ["LowLevelLifoSemaphore", "LowLevelSpinWaiter"]),
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
    ];

    public static IEnumerable<string> All => Rules.Select(rule => rule.Stage).Append(Other);

    public static string Of(IReadOnlyList<string> frames)
    {
        foreach (var (stage, markers) in Rules)
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
