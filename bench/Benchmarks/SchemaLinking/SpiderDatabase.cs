using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>
/// One database of Spider's <c>tables.json</c>: its tables in file order, and each foreign key with the position of the
/// table it refers to, so the wide-schema protocol can keep a key only when that very table was taken.
/// </summary>
internal sealed record SpiderDatabase(string Id, IReadOnlyList<SpiderTable> Tables);

/// <summary>A table as our schema type holds it (no foreign keys yet), and its keys with the referenced table's position in its database.</summary>
internal sealed record SpiderTable(TableSchema Table, IReadOnlyList<SpiderForeignKey> ForeignKeys);

internal sealed record SpiderForeignKey(int ReferencedTable, ForeignKeySchema Key);
