using MySqlConnector;
using OrleansAssistant.CustomerDatabases;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The "this login can change data" probe on MariaDB, with real logins granted what an owner would grant.</summary>
public sealed class MySqlWriteAccessTests
{
    [Fact]
    public async Task RootLogin_CanWrite()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        Assert.True(await CanWriteAsync(connectionString));
    }

    [Fact]
    public async Task LoginWithSelectAndShowViewOnly_CannotWrite()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        Assert.False(await CanWriteAsync(await LoginAsync(connectionString, "SELECT, SHOW VIEW ON `{0}`.*")));
    }

    [Theory]
    [InlineData("SELECT, INSERT ON `{0}`.*")]
    [InlineData("SELECT, UPDATE ON `{0}`.`orders`")]
    [InlineData("DELETE ON `{0}`.`customers`")]
    [InlineData("SELECT, CREATE ON *.*")]
    public async Task LoginWithAWritePrivilege_CanWrite(string grant)
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        Assert.True(await CanWriteAsync(await LoginAsync(connectionString, grant)));
    }

    /// <summary>
    /// A new login that may read the database and holds <paramref name="grant"/> (the database written as {0});
    /// returns its connection string.
    /// </summary>
    private static async Task<string> LoginAsync(string connectionString, string grant)
    {
        var database = new MySqlConnectionStringBuilder(connectionString).Database;
        var user = $"probe_{Guid.NewGuid():N}"[..20];
        const string password = "Pr0be-Login-Pw";
        await MySqlShop.ExecuteAsync(TestMariaDb.ServerConnectionString, $"""
            CREATE USER '{user}'@'%' IDENTIFIED BY '{password}';
            GRANT SELECT ON `{database}`.* TO '{user}'@'%';
            GRANT {grant.Replace("{0}", database, StringComparison.Ordinal)} TO '{user}'@'%'
            """);
        return new MySqlConnectionStringBuilder(connectionString) { UserID = user, Password = password }.ToString();
    }

    private static async Task<bool> CanWriteAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return await WriteAccessProbe.CanWriteAsync(DatabaseProvider.MySql, connection, CancellationToken.None);
    }
}
