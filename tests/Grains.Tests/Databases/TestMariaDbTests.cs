using MySqlConnector;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The private MariaDB that ./test.sh starts behaves like a customer's server: databases of their own, password logins over TCP.</summary>
public sealed class TestMariaDbTests
{
    [Fact]
    public async Task ATestDatabase_HoldsWhatIsWrittenToIt_InUtf8()
    {
        var connectionString = await TestMariaDb.CreateDatabaseAsync("smoke");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new MySqlCommand("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var insert = new MySqlCommand("INSERT INTO customers VALUES (1, 'Chico Science & Nação Zumbi')", connection))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var read = new MySqlCommand("SELECT name FROM customers WHERE id = 1", connection);

        Assert.Equal("Chico Science & Nação Zumbi", await read.ExecuteScalarAsync());
        Assert.Contains("MariaDB", connection.ServerVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassword_IsRefused()
    {
        var wrong = new MySqlConnectionStringBuilder(TestMariaDb.ServerConnectionString) { Password = "not-the-password" };
        await using var connection = new MySqlConnection(wrong.ToString());

        var error = await Assert.ThrowsAsync<MySqlException>(() => connection.OpenAsync());

        Assert.Equal(MySqlErrorCode.AccessDenied, error.ErrorCode);
    }
}
