using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// A customer's database connection, checked and normalized: <see cref="ConnectionString"/> is the
/// ADO.NET form for the provider's driver; <see cref="Description"/> names provider, host and database
/// only, so it is safe to show and log.
/// </summary>
public sealed record CustomerConnection(DatabaseProvider Provider, string ConnectionString, string Description)
{
    // The generated ToString would print the connection string, password included.
    public override string ToString() => $"CustomerConnection {{ Provider = {Provider}, Description = {Description} }}";
}
