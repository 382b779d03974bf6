using System.Collections.Frozen;

namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// Functions a query may not call, by name (case-insensitive, schema left off) and by prefix for whole families. Each
/// dialect keeps its own list: functions that read or write the server's files, reach other servers, run SQL text,
/// take locks, change sequences or settings, or stop other sessions.
/// </summary>
internal sealed class FunctionDenyList(IEnumerable<string> names, IEnumerable<string>? prefixes = null)
{
    private readonly FrozenSet<string> _names = names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _prefixes = [.. prefixes ?? []];

    public bool Contains(string name) =>
        _names.Contains(name) || _prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
