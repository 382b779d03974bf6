using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

public sealed class ConnectionStringParserTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ConnectionStringParser _parser;

    public ConnectionStringParserTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));
        File.WriteAllBytes(Path.Combine(_folder.Path, "sales.db"), []);
        File.WriteAllBytes(Path.Combine(_folder.Path, "sub", "archive.sqlite3"), []);
        _parser = new ConnectionStringParser(_folder.Path);
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, int, string, string, string> PostgreSqlForms => new()
    {
        // input, host, port, database, user, password
        { "postgresql://sales_user:s3cret-pg@db.example.com:5432/sales", "db.example.com", 5432, "sales", "sales_user", "s3cret-pg" },
        { "postgres://sales_user:s3cret-pg@db.example.com/sales", "db.example.com", 5432, "sales", "sales_user", "s3cret-pg" },
        { "postgresql+psycopg2://sales_user:p%40ss%3Aw%2Frd@db.example.com:5433/sales?sslmode=require", "db.example.com", 5433, "sales", "sales_user", "p@ss:w/rd" },
        { "postgresql://sales%20user:p@ss:w/rd@db.example.com:5432/sales", "db.example.com", 5432, "sales", "sales user", "p@ss:w/rd" },
        { "jdbc:postgresql://db.example.com:5432/sales?user=sales_user&password=s3cret-pg&ssl=true", "db.example.com", 5432, "sales", "sales_user", "s3cret-pg" },
        { "Host=db.example.com;Port=5432;Database=sales;Username=sales_user;Password=s3cret-pg", "db.example.com", 5432, "sales", "sales_user", "s3cret-pg" },
        { "Server=db.example.com;Port=6432;Database=sales;User Id=sales_user;Password=s3cret-pg", "db.example.com", 6432, "sales", "sales_user", "s3cret-pg" },
        { "Host=db.example.com;Database=sales;Username=sales_user;Password='s3;cret=pg';Timeout=60;Pooling=false", "db.example.com", 5432, "sales", "sales_user", "s3;cret=pg" },
    };

    [Theory]
    [MemberData(nameof(PostgreSqlForms))]
    public void PostgreSqlForms_AreNormalizedForNpgsql(string input, string host, int port, string database, string user, string password)
    {
        var result = _parser.Parse(input);

        Assert.True(result.Succeeded, result.Error);
        var connection = result.Connection;
        Assert.Equal(DatabaseProvider.PostgreSql, connection.Provider);
        Assert.Equal($"PostgreSQL database '{database}' on {host}:{port}", connection.Description);
        AssertHidden(user, password, connection);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal((host, port, database, user, password), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(10, builder.Timeout);
        Assert.True(builder.Pooling);
    }

    [Fact]
    public void PostgreSqlSslMode_IsCarriedOver()
    {
        var required = _parser.Parse("postgresql://u:pw@db.example.com/sales?sslmode=verify-full");

        Assert.Equal(SslMode.VerifyFull, new NpgsqlConnectionStringBuilder(required.Connection!.ConnectionString).SslMode);
    }

    public static TheoryData<string, string, string, string, string> SqlServerForms => new()
    {
        // input, data source, database, user, password
        { "Server=sql01;Database=Sales;User Id=sales_user;Password=s3cret-ms;TrustServerCertificate=true", "sql01", "Sales", "sales_user", "s3cret-ms" },
        { "Data Source=sql01,1433;Initial Catalog=Sales;User ID=sales_user;Password=s3cret-ms;Encrypt=true", "sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { "Server=tcp:sql01,1433;Initial Catalog=Sales;Uid=sales_user;Pwd=s3cret-ms;Connect Timeout=90", "tcp:sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { "mssql://sales_user:s3cret-ms@sql01:1433/Sales", "sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { "mssql+pyodbc://sales_user:s3cret-ms@sql01:1433/Sales?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes", "sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { "mssql+pymssql://sales_user:p%3Bss%40ms@sql01/Sales", "sql01", "Sales", "sales_user", "p;ss@ms" },
        { "sqlserver://sales_user:s3cret-ms@sql01:1433;databaseName=Sales", "sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { "jdbc:sqlserver://sql01:1433;databaseName=Sales;user=sales_user;password=s3cret-ms;encrypt=true", "sql01,1433", "Sales", "sales_user", "s3cret-ms" },
        { @"jdbc:sqlserver://sql01\SQLEXPRESS;databaseName=Sales;user=sales_user;password={s3;cret@ms}", @"sql01\SQLEXPRESS", "Sales", "sales_user", "s3;cret@ms" },
    };

    [Theory]
    [MemberData(nameof(SqlServerForms))]
    public void SqlServerForms_AreParsed_NoServerRunsHere(string input, string dataSource, string database, string user, string password)
    {
        var result = _parser.Parse(input);

        Assert.True(result.Succeeded, result.Error);
        var connection = result.Connection;
        Assert.Equal(DatabaseProvider.SqlServer, connection.Provider);
        Assert.Equal($"SQL Server database '{database}' on {dataSource}", connection.Description);
        AssertHidden(user, password, connection);
        var builder = new SqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal((dataSource, database, user, password), (builder.DataSource, builder.InitialCatalog, builder.UserID, builder.Password));
        Assert.Equal(10, builder.ConnectTimeout);
        Assert.True(builder.Pooling);
    }

    [Fact]
    public void SqlServerUrlOptions_AreCarriedOver()
    {
        var pyodbc = _parser.Parse("mssql+pyodbc://u:pw@sql01/Sales?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes&Encrypt=no");

        var builder = new SqlConnectionStringBuilder(pyodbc.Connection!.ConnectionString);
        Assert.True(builder.TrustServerCertificate);
        Assert.Equal(SqlConnectionEncryptOption.Optional, builder.Encrypt);
    }

    public static TheoryData<string, string, int, string, string, string> MySqlForms => new()
    {
        // input, host, port, database, user, password
        { "mysql://shop_user:s3cret-my@db.example.com:3306/shop", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "mariadb://shop_user:s3cret-my@db.example.com/shop", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "mysql+pymysql://shop_user:p%40ss%3Aw%2Frd@db.example.com:3307/shop?charset=utf8mb4", "db.example.com", 3307, "shop", "shop_user", "p@ss:w/rd" },
        { "mysql+mysqlconnector://shop_user:s3cret-my@10.0.0.5/shop?ssl-mode=REQUIRED", "10.0.0.5", 3306, "shop", "shop_user", "s3cret-my" },
        { "mariadb+mariadbconnector://shop_user:s3cret-my@db.example.com/shop", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "jdbc:mysql://db.example.com:3306/shop?user=shop_user&password=s3cret-my&useSSL=true", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "jdbc:mariadb://db.example.com/shop?user=shop_user&password=s3cret-my", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=shop_user;Pwd=s3cret-my", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "Server=db.example.com;Database=shop;User ID=shop_user;Password=s3cret-my;SslMode=Required", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
        { "Host=db.example.com;Port=3310;Database=shop;Username=shop_user;Password=s3cret-my;CharacterSet=utf8mb4", "db.example.com", 3310, "shop", "shop_user", "s3cret-my" },
        { "Server=db.example.com;Database=shop;Uid=shop_user;Pwd=s3cret-my;AllowUserVariables=true;AllowLoadLocalInfile=true;Connection Timeout=90;Pooling=false", "db.example.com", 3306, "shop", "shop_user", "s3cret-my" },
    };

    [Theory]
    [MemberData(nameof(MySqlForms))]
    public void MySqlForms_AreNormalizedForMySqlConnector_WithLocalFilesAndUserVariablesOff(
        string input, string host, int port, string database, string user, string password)
    {
        var result = _parser.Parse(input);

        Assert.True(result.Succeeded, result.Error);
        var connection = result.Connection;
        Assert.Equal(DatabaseProvider.MySql, connection.Provider);
        Assert.Equal($"MySQL database '{database}' on {host}:{port}", connection.Description);
        AssertHidden(user, password, connection);
        var builder = new MySqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal((host, (uint)port, database, user, password), (builder.Server, builder.Port, builder.Database, builder.UserID, builder.Password));
        Assert.False(builder.AllowLoadLocalInfile);
        Assert.False(builder.AllowUserVariables);
        Assert.Equal(10u, builder.ConnectionTimeout);
        Assert.True(builder.Pooling);
    }

    [Theory]
    [InlineData("mysql://u:pw@db.example.com/shop?ssl-mode=VERIFY_IDENTITY", MySqlSslMode.VerifyFull)]
    [InlineData("jdbc:mysql://db.example.com/shop?user=u&password=pw&sslMode=VERIFY_CA", MySqlSslMode.VerifyCA)]
    [InlineData("mariadb://u:pw@db.example.com/shop?ssl-mode=DISABLED", MySqlSslMode.None)]
    [InlineData("mysql://u:pw@db.example.com/shop?ssl=true", MySqlSslMode.Required)]
    public void MySqlSslMode_IsCarriedOver(string input, MySqlSslMode expected)
    {
        var result = _parser.Parse(input);

        Assert.Equal(expected, new MySqlConnectionStringBuilder(result.Connection!.ConnectionString).SslMode);
    }

    [Fact]
    public async Task MySqlConnection_FromAUrl_OpensTheTestServer()
    {
        var server = new MySqlConnectionStringBuilder(await TestMariaDb.CreateDatabaseAsync("url"));
        var result = _parser.Parse($"mariadb://{server.UserID}:{Uri.EscapeDataString(server.Password)}@{server.Server}:{server.Port}/{server.Database}");

        await using var connection = new MySqlConnection(result.Connection!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT DATABASE()", connection);
        Assert.Equal(server.Database, await command.ExecuteScalarAsync());
    }

    public static TheoryData<string, string> SqliteForms => new()
    {
        // input ({folder} is the allowed folder), path inside the folder
        { "sqlite:///sales.db", "sales.db" },
        { "sqlite:///{folder}/sales.db", "sales.db" },
        { "sqlite:///sub/../sales.db", "sales.db" },
        { "Data Source=sales.db", "sales.db" },
        { "Data Source={folder}/sub/archive.sqlite3", "sub/archive.sqlite3" },
        { "Filename=sub/archive.sqlite3", "sub/archive.sqlite3" },
    };

    [Theory]
    [MemberData(nameof(SqliteForms))]
    public void SqliteForms_ResolveToAFileInTheFolder(string input, string relativePath)
    {
        var result = _parser.Parse(input.Replace("{folder}", _folder.Path, StringComparison.Ordinal));

        Assert.True(result.Succeeded, result.Error);
        var connection = result.Connection;
        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal($"SQLite file '{relativePath}'", connection.Description);
        var expectedPath = Path.Combine(_folder.Path, relativePath);
        Assert.Equal($"Data Source={expectedPath}", connection.ConnectionString);
        Assert.Equal(expectedPath, new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
    }

    [Fact]
    public void SqliteLinkInsideTheFolder_ResolvesToItsTarget()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "current.db"), Path.Combine(_folder.Path, "sub", "archive.sqlite3"));

        var result = _parser.Parse("sqlite:///current.db");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal($"Data Source={Path.Combine(_folder.Path, "sub", "archive.sqlite3")}", result.Connection.ConnectionString);
    }

    public static TheoryData<string, string?> RejectedInputs => new()
    {
        // input, the secret in it (if any)
        { "", null },
        { "   ", null },
        { "garbage", null },
        { "please connect to my database", null },
        { "a=b;c", null },
        { "mysql://root:TopSecret-1@db.example.com:3306", "TopSecret-1" },
        { "mongodb://admin:TopSecret-2@mongo.example.com:27017/app", "TopSecret-2" },
        { "jdbc:mysql://db.example.com/shop?user=root", null },
        { "mysql://root@db.example.com/shop", null },
        { "mariadb://:TopSecret-14@db.example.com/shop", "TopSecret-14" },
        { "mysql://root:TopSecret-15@db.example.com:70000/shop", "TopSecret-15" },
        { "mysql://root:TopSecret-16@db.example.com/shop?ssl-mode=sometimes", "TopSecret-16" },
        { "mysql://root:TopSecret-17@localhost/shop?unix_socket=/run/mysqld/mysqld.sock", "TopSecret-17" },
        { "mysql+pymysql://root:TopSecret-18@db.example.com/shop?ssl_ca=/etc/ssl/ca.pem", "TopSecret-18" },
        { "Server=/run/mysqld/mysqld.sock;Database=shop;Uid=root;Pwd=TopSecret-19;AllowUserVariables=true", "TopSecret-19" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=root;Pwd=TopSecret-20;Protocol=Unix", "TopSecret-20" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=root;Pwd=TopSecret-21;SslCa=/etc/ssl/ca.pem", "TopSecret-21" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=root;Pwd=TopSecret-22;SslCert=c.pem;SslKey=k.pem", "TopSecret-22" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=root;Pwd=TopSecret-23;ServerRsaPublicKeyFile=/k.pem", "TopSecret-23" },
        { "Server=db.example.com;Port=3306;Uid=root;Pwd=TopSecret-24", "TopSecret-24" },
        { "Server=db.example.com;Port=3306;Database=shop;Uid=root;Pwd=TopSecret-25;SslMode=Sometimes", "TopSecret-25" },
        { "Database=sales;User Id=u;Password=TopSecret-4", "TopSecret-4" },
        { "postgresql://u:TopSecret-5@db.example.com:99999/sales", "TopSecret-5" },
        { "postgresql://u:TopSecret-6@db.example.com:5432", "TopSecret-6" },
        { "postgresql://u:TopSecret-7@db.example.com/sales?sslmode=sometimes", "TopSecret-7" },
        { "postgresql://u@db.example.com/sales", null },
        { "Host=db.example.com;Database=sales;Username=u;Password=TopSecret-8;Bogus=1", "TopSecret-8" },
        { "Host=/var/run/postgresql;Database=sales;Username=u;Password=TopSecret-9", "TopSecret-9" },
        { "Host=db.example.com;Database=sales;Username=u;Password=TopSecret-10;Passfile=/root/.pgpass", "TopSecret-10" },
        { "Host=db.example.com;Database=sales;Username=postgres", null },
        { "Server=sql01;Database=Sales;Integrated Security=true", null },
        { "Server=sql01;Database=Sales;Authentication=ActiveDirectoryManagedIdentity;User Id=u", null },
        { "Server=sql01;User Id=sa;Password=TopSecret-11", "TopSecret-11" },
        { "mssql://sa:TopSecret-12@sql01:1433", "TopSecret-12" },
        { "sqlite:///../../etc/passwd", null },
        { "sqlite:////etc/passwd", null },
        { "Data Source=/etc/passwd", null },
        { "Data Source=:memory:", null },
        { "sqlite://", null },
        { "sqlite:///", null },
        { "sqlite:///missing.db", null },
        { "Data Source=missing.db", null },
        { "sqlite:///sub", null },
        { "sqlite:///sales.db?mode=ro", null },
        { "Data Source=sales.db;Mode=ReadOnly", null },
        { "Data Source=file:sales.db?mode=ro", null },
        { "Data Source=sales.db;Password=TopSecret-13", "TopSecret-13" },
    };

    [Theory]
    [MemberData(nameof(RejectedInputs))]
    public void RejectedInputs_GetOneSentenceWithAnExample_AndNoPartOfTheInput(string input, string? secret)
    {
        var result = _parser.Parse(input);

        Assert.False(result.Succeeded);
        AssertUsableRefusal(result.Error, input, secret);
    }

    [Fact]
    public void SqliteLinksLeadingOutOfTheFolder_AreRefused()
    {
        using var outside = new TempDirectory();
        File.WriteAllBytes(Path.Combine(outside.Path, "private.db"), []);
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "escape.db"), Path.Combine(outside.Path, "private.db"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "elsewhere"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "relative.db"), "../" + Path.GetFileName(outside.Path) + "/private.db");

        string[] inputs = ["sqlite:///escape.db", "Data Source=escape.db", "sqlite:///elsewhere/private.db", "sqlite:///relative.db"];

        Assert.All(inputs, input => AssertUsableRefusal(_parser.Parse(input).Error, input, secret: null));
    }

    [Fact]
    public async Task PostgreSqlConnection_FromAUrl_OpensTheTestServer()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        var result = _parser.Parse($"postgresql://{server.Username}:{Uri.EscapeDataString(server.Password!)}@{server.Host}:{server.Port}/{server.Database}");

        await using var connection = new NpgsqlConnection(result.Connection!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Constructor_RelativeFolder_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ConnectionStringParser("data/databases"));
    }

    private static void AssertHidden(string user, string password, CustomerConnection connection)
    {
        Assert.DoesNotContain(password, connection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(password, connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(user, connection.Description, StringComparison.Ordinal);
    }

    private static void AssertUsableRefusal(string? error, string input, string? secret)
    {
        Assert.NotNull(error);
        Assert.Contains(ConnectionExamples.All, example => error.Contains(example, StringComparison.Ordinal));
        // "sqlite://" is part of an example by nature; any other input must not be echoed.
        var text = input.Trim();
        if (text.Length > 0 && !ConnectionExamples.All.Any(example => example.Contains(text, StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(text, error, StringComparison.Ordinal);
        }
        if (secret is not null) Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }
}
