using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>
/// Reads Spider's <c>tables.json</c>: per database <c>table_names_original</c>, <c>column_names_original</c> as
/// [table index, name] (index -1 is the <c>*</c> pseudo-column), <c>column_types</c>, <c>primary_keys</c> as column
/// indexes (a nested list is one key over several columns) and <c>foreign_keys</c> as [column, referenced column] pairs.
/// </summary>
internal static class SpiderTablesFile
{
    /// <exception cref="InvalidDataException">The file is not Spider's schema format.</exception>
    public static IReadOnlyList<SpiderDatabase> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.EnumerateArray().Select(Database).ToArray();
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{path} is not Spider's tables.json: {error.Message}", error);
        }
    }

    private static SpiderDatabase Database(JsonElement database)
    {
        var tableNames = database.GetProperty("table_names_original").EnumerateArray().Select(name => name.GetString()!).ToArray();
        var columns = database.GetProperty("column_names_original").EnumerateArray()
            .Select(column => (Table: column[0].GetInt32(), Name: column[1].GetString()!)).ToArray();
        var types = database.GetProperty("column_types").EnumerateArray().Select(type => type.GetString()!).ToArray();
        var primaryKeyColumns = database.GetProperty("primary_keys").EnumerateArray()
            .SelectMany(key => key.ValueKind == JsonValueKind.Array ? key.EnumerateArray().Select(part => part.GetInt32()) : [key.GetInt32()])
            .ToHashSet();
        var foreignKeys = database.GetProperty("foreign_keys").EnumerateArray()
            .Select(pair => (From: pair[0].GetInt32(), To: pair[1].GetInt32())).ToArray();

        var tables = tableNames.Select((name, index) =>
        {
            var own = Enumerable.Range(0, columns.Length).Where(column => columns[column].Table == index).ToArray();
            var table = new TableSchema(null, name, false,
                own.Select(column => new ColumnSchema(columns[column].Name, types[column], true)).ToArray(),
                own.Where(primaryKeyColumns.Contains).Select(column => columns[column].Name).ToArray(),
                [], null);
            var keys = foreignKeys.Where(key => columns[key.From].Table == index)
                .Select(key => new SpiderForeignKey(columns[key.To].Table,
                    new ForeignKeySchema([columns[key.From].Name], null, tableNames[columns[key.To].Table], [columns[key.To].Name])))
                .ToArray();
            return new SpiderTable(table, keys);
        }).ToArray();
        return new SpiderDatabase(database.GetProperty("db_id").GetString()!, tables);
    }
}
