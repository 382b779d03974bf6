namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>The relational databases the product talks to: customers' databases and its own app database.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DatabaseProvider")]
public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
    SqlServer = 2,
    /// <summary>MySQL or MariaDB (customers' databases only).</summary>
    MySql = 3,
}
