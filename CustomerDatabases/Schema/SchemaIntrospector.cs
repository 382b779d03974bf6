using System.Data;
using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Reads the tables, views, keys and size estimates of a customer database from its catalog, and its value hints.</summary>
public static class SchemaIntrospector
{
    /// <summary>
    /// Tables and views read at most: a prompt could not use more, and catalogs of thousands of tables
    /// would make every refresh slow. The first ones by schema and name are kept.
    /// </summary>
    public const int MaxTables = 500;

    public static async Task<DatabaseSchema> ReadAsync(
        DatabaseProvider provider, DbConnection openConnection, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        if (openConnection.State != ConnectionState.Open)
            throw new ArgumentException("The connection must be open.", nameof(openConnection));

        var dialect = CustomerDialects.Of(provider);
        var read = await dialect.SchemaReader.ReadTablesAsync(openConnection, MaxTables, cancellationToken);
        var tables = await ValueHintSampler.AddValuesAsync(dialect, openConnection, read, cancellationToken);
        var ordered = tables
            .OrderBy(table => table.Schema, StringComparer.Ordinal)
            .ThenBy(table => table.Name, StringComparer.Ordinal)
            .ToArray();
        return new DatabaseSchema(ordered, readAt);
    }
}
