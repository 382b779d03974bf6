using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>
/// The Spider README's wide-schema protocol, so figures compare across runs and pickers: the question's own database's
/// tables in file order, then the other databases' tables walking the file from the one after it (wrapping around),
/// skipping a name already taken (case-insensitively), until there are <see cref="Tables"/>. A foreign key stays only
/// when the very table it refers to was taken.
/// </summary>
internal static class WideSchema
{
    public const int Tables = 100;

    public static DatabaseSchema For(IReadOnlyList<SpiderDatabase> databases, int own, int tables = Tables)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(own);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(own, databases.Count);

        var taken = new List<(int Database, int Table)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var table = 0; table < databases[own].Tables.Count; table++)
        {
            taken.Add((own, table));
            names.Add(databases[own].Tables[table].Table.Name);
        }
        for (var step = 1; step < databases.Count && taken.Count < tables; step++)
        {
            var database = (own + step) % databases.Count;
            for (var table = 0; table < databases[database].Tables.Count && taken.Count < tables; table++)
            {
                if (names.Add(databases[database].Tables[table].Table.Name)) taken.Add((database, table));
            }
        }
        return new DatabaseSchema(taken.Select(place => WithKeysAmong(databases, place, taken)).ToArray(), DateTimeOffset.UnixEpoch);
    }

    /// <summary>A database's own tables alone, with all their keys: the small-schema row.</summary>
    public static DatabaseSchema Small(SpiderDatabase database) =>
        new(database.Tables.Select(table => table.Table with { ForeignKeys = table.ForeignKeys.Select(key => key.Key).ToArray() }).ToArray(),
            DateTimeOffset.UnixEpoch);

    private static TableSchema WithKeysAmong(IReadOnlyList<SpiderDatabase> databases, (int Database, int Table) place, List<(int Database, int Table)> taken)
    {
        var table = databases[place.Database].Tables[place.Table];
        var keys = table.ForeignKeys.Where(key => taken.Contains((place.Database, key.ReferencedTable))).Select(key => key.Key).ToArray();
        return table.Table with { ForeignKeys = keys };
    }
}
