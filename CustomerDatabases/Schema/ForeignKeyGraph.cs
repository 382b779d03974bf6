using System.Runtime.CompilerServices;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Which tables of a schema a foreign key joins, by position in the schema's table list, in both directions.</summary>
internal sealed class ForeignKeyGraph
{
    // Built once per schema read: the grain keeps the same table list until the next read.
    private static readonly ConditionalWeakTable<IReadOnlyList<TableSchema>, ForeignKeyGraph> Known = [];

    private readonly List<int>[] _neighbours;

    public static ForeignKeyGraph Of(IReadOnlyList<TableSchema> tables) => Known.GetValue(tables, static tables => new ForeignKeyGraph(tables));

    private ForeignKeyGraph(IReadOnlyList<TableSchema> tables)
    {
        _neighbours = [.. tables.Select(_ => new List<int>())];
        // SQLite keeps a referenced name as the REFERENCES clause spelled it, so names match without case.
        var positions = new Dictionary<(string, string), int>(TableKeyComparer.Instance);
        for (var index = 0; index < tables.Count; index++)
            positions.TryAdd((tables[index].Schema ?? "", tables[index].Name), index);

        for (var index = 0; index < tables.Count; index++)
        {
            foreach (var key in tables[index].ForeignKeys)
            {
                if (!positions.TryGetValue((key.ReferencedSchema ?? "", key.ReferencedTable), out var referenced) || referenced == index) continue;
                if (!_neighbours[index].Contains(referenced)) _neighbours[index].Add(referenced);
                if (!_neighbours[referenced].Contains(index)) _neighbours[referenced].Add(index);
            }
        }
    }

    /// <summary>Tables joined to <paramref name="table"/> by a foreign key, either way.</summary>
    public IReadOnlyList<int> NeighboursOf(int table) => _neighbours[table];

    private sealed class TableKeyComparer : IEqualityComparer<(string Schema, string Name)>
    {
        public static readonly TableKeyComparer Instance = new();

        public bool Equals((string Schema, string Name) x, (string Schema, string Name) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Schema, y.Schema) && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((string Schema, string Name) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Schema), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
