using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Chooses the part of a large schema a question is about, so the prompt carries a few tables
/// instead of hundreds. Word overlap only: deterministic, and cheap enough for every question.
/// </summary>
public static class RelevantTables
{
    private const double TableWordScore = 3;
    private const double ColumnWordScore = 1;
    // A table joined to a matching one is often needed for the query (the customer of an order) even when
    // the question never names it; half its neighbour's score ranks it below strong direct matches.
    private const double NeighbourShare = 0.5;

    /// <returns>At most <paramref name="maxTables"/> tables, in the schema's order; all of them when the schema is that small.</returns>
    public static IReadOnlyList<TableSchema> Pick(DatabaseSchema schema, string question, int maxTables = 15)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTables);

        var tables = schema.Tables;
        if (tables.Count <= maxTables) return tables;

        var questionWords = NameWords.FromQuestion(question);
        var scores = tables.Select(table => Score(table, questionWords)).ToArray();
        var priorities = (double[])scores.Clone();
        foreach (var (from, to) in ForeignKeyLinks(tables))
        {
            priorities[to] = Math.Max(priorities[to], scores[from] * NeighbourShare);
            priorities[from] = Math.Max(priorities[from], scores[to] * NeighbourShare);
        }

        var picked = Enumerable.Range(0, tables.Count)
            .Where(index => priorities[index] > 0)
            .OrderByDescending(index => priorities[index])
            .ThenBy(index => index)
            .Take(maxTables)
            .Order()
            .Select(index => tables[index])
            .ToArray();
        // Nothing matched: the first tables at least show the model what the database is like.
        return picked.Length > 0 ? picked : tables.Take(maxTables).ToArray();
    }

    private static double Score(TableSchema table, HashSet<string> questionWords)
    {
        var tableWords = NameWords.FromName(table.Name).ToHashSet(StringComparer.Ordinal);
        var columnWords = table.Columns.SelectMany(column => NameWords.FromName(column.Name)).ToHashSet(StringComparer.Ordinal);
        return questionWords.Sum(word =>
            tableWords.Contains(word) ? TableWordScore : columnWords.Contains(word) ? ColumnWordScore : 0);
    }

    /// <summary>Pairs of table positions (referencing, referenced) joined by a foreign key.</summary>
    private static IEnumerable<(int From, int To)> ForeignKeyLinks(IReadOnlyList<TableSchema> tables)
    {
        // SQLite keeps a referenced name as the REFERENCES clause spelled it, so names match without case.
        var positions = new Dictionary<(string, string), int>(TableKeyComparer.Instance);
        for (var index = 0; index < tables.Count; index++)
            positions.TryAdd((tables[index].Schema ?? "", tables[index].Name), index);

        for (var index = 0; index < tables.Count; index++)
            foreach (var key in tables[index].ForeignKeys)
                if (positions.TryGetValue((key.ReferencedSchema ?? "", key.ReferencedTable), out var referenced) && referenced != index)
                    yield return (index, referenced);
    }

    private sealed class TableKeyComparer : IEqualityComparer<(string Schema, string Name)>
    {
        public static readonly TableKeyComparer Instance = new();

        public bool Equals((string Schema, string Name) x, (string Schema, string Name) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Schema, y.Schema) && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((string Schema, string Name) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Schema), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
