using System.Collections.Concurrent;

namespace OrleansAssistant.Grains.Storage;

/// <summary>
/// One writer queue per SQLite file in this process. SQLite lets one writer into a file at a time; writers that
/// collide sleep in the driver's busy-retry loop, which adds hundreds of milliseconds. Grain state and reminders
/// share <c>grains.db</c>, so they must queue behind one gate, not one each.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string databasePath) => Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SemaphoreSlim(1, 1));
}
