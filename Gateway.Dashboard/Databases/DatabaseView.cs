using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Gateway.Dashboard.Databases;

/// <summary>A database as the Databases tab shows it: the masked description, never the connection string.</summary>
/// <param name="ProviderName">The product's name as people know it ("MySQL / MariaDB"); <paramref name="Provider"/> is the stable key.</param>
public sealed record DatabaseView(string DatabaseId, string Name, DatabaseProvider Provider, string ProviderName, string Description,
    bool IsShared, bool WriteMode, long CreatedBy, DateTimeOffset CreatedAt)
{
    public static DatabaseView From(DatabaseInfo info) =>
        new(info.DatabaseId, info.Name, info.Provider, info.ProviderName, info.Description, info.IsShared, info.WriteMode, info.CreatedBy, info.CreatedAt);
}
