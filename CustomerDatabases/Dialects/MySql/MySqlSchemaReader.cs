using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>Reads MySQL's and MariaDB's information_schema.</summary>
public sealed class MySqlSchemaReader : ISchemaReader
{
    public Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not read yet.");
}
