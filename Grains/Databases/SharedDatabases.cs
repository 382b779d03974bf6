using OrleansAssistant.CustomerDatabases.Demo;

namespace OrleansAssistant.Grains.Databases;

/// <summary>Databases offered to every registered user (the demo database).</summary>
public static class SharedDatabases
{
    public static readonly IReadOnlyList<string> Ids = [DemoSalesDatabase.DatabaseId];

    public static bool Contains(string databaseId) => Ids.Contains(databaseId);
}
