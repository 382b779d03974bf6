using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Reads user tables and views from one provider's catalog.</summary>
public interface ISchemaReader
{
    /// <summary>At most <paramref name="maxTables"/> tables and views, the first ones by schema and name.</summary>
    Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken);
}
