namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>What a customer database contains, as introspection found it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DatabaseSchema")]
public sealed record DatabaseSchema(
    [property: Id(0)] IReadOnlyList<TableSchema> Tables,
    [property: Id(1)] DateTimeOffset ReadAt);

/// <summary>
/// A table or view. <see cref="Schema"/> is null where the provider has none (SQLite). <see cref="Comment"/> is the
/// description the database keeps for it, already cleaned and shortened; null when it has none.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.TableSchema")]
public sealed record TableSchema(
    [property: Id(0)] string? Schema,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsView,
    [property: Id(3)] IReadOnlyList<ColumnSchema> Columns,
    [property: Id(4)] IReadOnlyList<string> PrimaryKey,
    [property: Id(5)] IReadOnlyList<ForeignKeySchema> ForeignKeys,
    [property: Id(6)] long? RowEstimate,
    [property: Id(7)] string? Comment = null);

/// <param name="Values">
/// Every value of a text column that has few (value hints: a question saying "cancelled" finds <c>status = 'Cancelled'</c>);
/// null when not sampled.
/// </param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ColumnSchema")]
public sealed record ColumnSchema(
    [property: Id(0)] string Name,
    [property: Id(1)] string DataType,
    [property: Id(2)] bool IsNullable,
    [property: Id(3)] string? Comment = null,
    [property: Id(4)] IReadOnlyList<string>? Values = null);

/// <summary>Columns of this table referring to columns of another table.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ForeignKeySchema")]
public sealed record ForeignKeySchema(
    [property: Id(0)] IReadOnlyList<string> Columns,
    [property: Id(1)] string? ReferencedSchema,
    [property: Id(2)] string ReferencedTable,
    [property: Id(3)] IReadOnlyList<string> ReferencedColumns);
