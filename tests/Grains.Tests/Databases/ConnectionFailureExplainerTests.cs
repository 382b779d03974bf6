using System.Net.Sockets;
using MySqlConnector;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>What the log records about a failed connection; users get one sentence for all of them (<see cref="ConnectionTargetTests"/>).</summary>
public sealed class ConnectionFailureExplainerTests
{
    private const string Password = "Expl41n-S3cret";

    [Fact]
    public async Task ClosedPort_IsExplainedAsUnreachable()
    {
        var port = FreePort.Next();
        var connection = Parse($"postgresql://postgres:{Password}@127.0.0.1:{port}/sales");

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal("unreachable", sentence);
    }

    [Fact]
    public async Task WrongPostgreSqlPassword_IsExplainedAsRefusedLogin()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Password = Password };
        var connection = Parse(server.ToString());

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal($"server answered: {ConnectionFailureExplainer.LoginRefused}", sentence);
        Assert.DoesNotContain(Password, sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPostgreSqlDatabase_IsExplainedAsMissing()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = "does_not_exist_x" };
        var connection = Parse(server.ToString());

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal($"server answered: PostgreSQL database 'does_not_exist_x' on {server.Host}:{server.Port} does not exist: check the database name.", sentence);
    }

    [Fact]
    public async Task WrongMySqlPassword_IsExplainedAsRefusedLogin()
    {
        var server = new MySqlConnectionStringBuilder(TestMariaDb.ServerConnectionString);
        var connection = Parse($"mysql://{server.UserID}:{Password}@{server.Server}:{server.Port}/mysql");

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal($"server answered: {ConnectionFailureExplainer.LoginRefused}", sentence);
    }

    [Fact]
    public async Task MissingMySqlDatabase_IsExplainedAsMissing()
    {
        var server = new MySqlConnectionStringBuilder(TestMariaDb.ServerConnectionString);
        var connection = Parse($"mariadb://{server.UserID}:{Uri.EscapeDataString(server.Password)}@{server.Server}:{server.Port}/does_not_exist_x");

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal($"server answered: MySQL database 'does_not_exist_x' on {server.Server}:{server.Port} does not exist: check the database name.", sentence);
    }

    [Fact]
    public async Task ClosedMySqlPort_IsExplainedAsUnreachable()
    {
        var port = FreePort.Next();
        var connection = Parse($"mysql://root:{Password}@127.0.0.1:{port}/shop");

        var sentence = await ExplainOpenFailureAsync(connection);

        Assert.Equal("unreachable", sentence);
    }

    [Theory]
    [InlineData("28P01")]
    [InlineData("28000")]
    public void PostgreSqlLoginFailure_IsExplainedAsRefusedLogin(string sqlState)
    {
        var error = new PostgresException($"password authentication failed for user \"postgres\" ({Password})", "FATAL", "FATAL", sqlState);

        var sentence = ConnectionFailureExplainer.Detail(DatabaseProvider.PostgreSql, error, "PostgreSQL database 'sales' on db:5432");

        Assert.Equal("server answered: The database refused the login: check the user name and password.", sentence);
    }

    [Fact]
    public async Task SqliteFileThatIsNoDatabase_IsExplainedAsSuch()
    {
        using var folder = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "notes.db"), Enumerable.Repeat((byte)'x', 4096).ToArray());
        var connection = new ConnectionStringParser(folder.Path).Parse("sqlite:///notes.db").Connection!;

        var sentence = await ExplainOpenFailureAsync(connection, "SELECT count(*) FROM sqlite_master");

        Assert.Equal("server answered: SQLite file 'notes.db' is not a SQLite database: check that the file is one.", sentence);
    }

    [Fact]
    public async Task SqliteFileThatCannotBeOpened_IsExplainedAsSuch()
    {
        using var folder = new TempDirectory();
        var missing = $"Data Source={Path.Combine(folder.Path, "gone.db")};Mode=ReadOnly";

        var sentence = await ExplainOpenFailureAsync(new CustomerConnection(DatabaseProvider.Sqlite, missing, "SQLite file 'gone.db'"));

        Assert.Equal("server answered: SQLite file 'gone.db' could not be opened: check that the file exists and the server may read it.", sentence);
    }

    [Fact]
    public void WrappedSocketErrorsAndTimeouts_AreExplainedAsUnreachable()
    {
        Exception[] errors =
        [
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.HostNotFound)),
            new NpgsqlException("Exception while connecting", new TimeoutException()),
            new AggregateException(new OperationCanceledException()),
        ];

        Assert.All(errors, error => Assert.Equal("unreachable",
            ConnectionFailureExplainer.Detail(DatabaseProvider.PostgreSql, error, "PostgreSQL database 'sales' on db:5432")));
    }

    [Fact]
    public void UnknownFailure_NamesOnlyTheExceptionType()
    {
        var error = new InvalidOperationException($"Host=db;Password={Password}");

        var sentence = ConnectionFailureExplainer.Detail(DatabaseProvider.SqlServer, error, "SQL Server database 'Sales' on sql01");

        Assert.Equal("could not be opened: InvalidOperationException", sentence);
    }

    private static CustomerConnection Parse(string input)
    {
        var result = new ConnectionStringParser(Path.GetTempPath()).Parse(input);
        Assert.True(result.Succeeded, result.Error);
        return result.Connection;
    }

    private static async Task<string> ExplainOpenFailureAsync(CustomerConnection target, string sql = "SELECT 1")
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var connection = await CustomerDatabaseDriver.For(target.Provider).WithTargets(TestDatabaseTargets.Loopback).OpenAsync(target.ConnectionString, readOnly: true, CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteScalarAsync();
        });
        var sentence = ConnectionFailureExplainer.Detail(target.Provider, error, target.Description);
        Assert.DoesNotContain(Password, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, sentence, StringComparison.Ordinal);
        return sentence;
    }
}
