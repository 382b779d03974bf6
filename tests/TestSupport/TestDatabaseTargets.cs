using OrleansAssistant.CustomerDatabases.Connections;

namespace OrleansAssistant.TestSupport;

/// <summary>Connection rules for tests that drive a customer database driver directly: the test databases listen on loopback.</summary>
public static class TestDatabaseTargets
{
    public static readonly ConnectionTargetPolicy Loopback = new(allowPrivateNetworks: false, ["127.0.0.1"]);
}
