using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Looks up and checks parts of a read schema.</summary>
internal static class SchemaAssert
{
    public static readonly DateTimeOffset ReadAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TableSchema Table(DatabaseSchema schema, string? schemaName, string name) =>
        Assert.Single(schema.Tables, table => table.Schema == schemaName && table.Name == name);

    public static void ForeignKey(ForeignKeySchema key, string[] columns, string? referencedSchema, string referencedTable, string[] referencedColumns)
    {
        Assert.Equal(columns, key.Columns);
        Assert.Equal(referencedSchema, key.ReferencedSchema);
        Assert.Equal(referencedTable, key.ReferencedTable);
        Assert.Equal(referencedColumns, key.ReferencedColumns);
    }
}
