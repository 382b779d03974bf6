using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// Decides, before anything runs, whether model-written SQL may run against a customer's database.
/// The SQL is treated as hostile: one statement only, a read unless writes are allowed, and nothing
/// that reaches outside the data. Runtime limits (read-only transactions, timeouts, row caps) still
/// apply around it: the guard is the first line, not the only one.
/// </summary>
public static class SqlGuard
{
    /// <summary>Longer text is refused unread: no real question needs it and it would only cost time.</summary>
    public const int MaxLength = 100_000;

    /// <summary>
    /// Checks <paramref name="sql"/> by the rules of <paramref name="provider"/>'s dialect. Reads (SELECT, WITH … SELECT, VALUES)
    /// are allowed; with <paramref name="allowWrites"/> also exactly one INSERT or UPDATE.
    /// </summary>
    public static GuardVerdict Check(DatabaseProvider provider, string sql, bool allowWrites = false)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (sql.Length > MaxLength) return GuardVerdict.Refuse(GuardRefusals.TooLong);
        return CustomerDialects.Of(provider).Check(sql, allowWrites);
    }
}
