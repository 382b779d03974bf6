using System.Text;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

[Collection(SiloCollection.Name)]
public sealed partial class DatabaseConnectionGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IDatabasesGrain Databases => Grains.GetGrain<IDatabasesGrain>(0);
    private string SqliteFolder => Path.Combine(fixture.DataDirectory, "databases");

    private async Task<(long UserId, string DatabaseId, string ConnectionString)> PostgreSqlForNewUserAsync()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var connectionString = await ShopDatabases.PostgreSqlShopAsync();
        var added = await Databases.AddAsync(userId, "Shop", connectionString);
        Assert.True(added.Succeeded, added.Message);
        return (userId, added.Database!.DatabaseId, connectionString);
    }

    private async Task<(long UserId, string DatabaseId, string Path)> SqliteForNewUserAsync()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var fileName = await ShopDatabases.SqliteShopAsync(SqliteFolder);
        var added = await Databases.AddAsync(userId, "Shop file", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        return (userId, added.Database!.DatabaseId, Path.Combine(SqliteFolder, fileName));
    }

    [Fact]
    public async Task Add_PostgreSql_VerifiesStoresSelectsAndWarnsAboutAWritableLogin()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var connectionString = await ShopDatabases.PostgreSqlShopAsync();

        var added = await Databases.AddAsync(userId, "  Shop  ", connectionString);

        Assert.True(added.Succeeded, added.Message);
        var info = added.Database!;
        Assert.Equal(("Shop", DatabaseProvider.PostgreSql, userId), (info.Name, info.Provider, info.OwnerUserId));
        Assert.Matches("^db_[a-z0-9]{12}$", info.DatabaseId);
        Assert.Contains("PostgreSQL", info.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopDatabases.ServerPassword, added.Message + info.Description, StringComparison.Ordinal);
        Assert.NotNull(added.Warning);
        var user = (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!;
        Assert.Equal(info.DatabaseId, user.ActiveDatabaseId);
        Assert.Contains(await Databases.ListUsableAsync(userId), listed => listed.DatabaseId == info.DatabaseId);
    }

    [Fact]
    public async Task Add_WithAReadOnlyLogin_HasNoWarning()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var owner = await ShopDatabases.PostgreSqlShopAsync();
        var role = $"reader_{Guid.NewGuid():N}"[..20];
        await using (var connection = new Npgsql.NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD '{ShopDatabases.Password}'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; REVOKE CREATE ON DATABASE {connection.Database} FROM PUBLIC;", connection);
            await command.ExecuteNonQueryAsync();
        }
        var readOnly = new Npgsql.NpgsqlConnectionStringBuilder(owner) { Username = role, Password = ShopDatabases.Password }.ToString();

        var added = await Databases.AddAsync(userId, "Read only", readOnly);

        Assert.True(added.Succeeded, added.Message);
        Assert.Null(added.Warning);
    }

    [Fact]
    public async Task Add_Sqlite_FromTheAllowedFolder_AndQueryIt()
    {
        var (userId, databaseId, _) = await SqliteForNewUserAsync();

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId, "SELECT count(*) AS n FROM orders");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("4", result.Rows[0][0]);
    }

    [Theory]
    [InlineData("not a connection string at all")]
    [InlineData("mysql://root:Sup3r-S3cret-Pw!@localhost/shop?unix_socket=/run/mysqld/mysqld.sock")]
    [InlineData("mongodb://admin:Sup3r-S3cret-Pw!@localhost:27017")]
    [InlineData("sqlite:////etc/passwd")]
    [InlineData("sqlite:///../../outside.db")]
    public async Task Add_WithAnUnusableConnectionString_IsRefusedWithAnExample_AndSavesNothing(string connectionString)
    {
        var userId = await TestUsers.RegisterAsync(Grains);

        var result = await Databases.AddAsync(userId, "Bad", connectionString);

        Assert.Equal(DatabaseError.InvalidConnectionString, result.Error);
        Assert.DoesNotContain(ShopDatabases.Password, result.Message, StringComparison.Ordinal);
        Assert.Empty((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.PersonalDatabaseIds);
    }

    [Fact]
    public async Task Add_UnreachableHostWrongPasswordOrMissingDatabase_IsRefusedWithOneSentence_AndSavesNothing()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Password = ShopDatabases.Password };
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(server.ToString()) { Port = FreePort.Next() }.ToString();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = "no_such_database" }.ToString();

        var noServer = await Databases.AddAsync(userId, "Nowhere", unreachable);
        var wrongPassword = await Databases.AddAsync(userId, "Locked", server.ToString());
        var noDatabase = await Databases.AddAsync(userId, "Missing", missing);

        Assert.All([noServer, wrongPassword, noDatabase], failed =>
        {
            Assert.Equal(DatabaseError.VerificationFailed, failed.Error);
            Assert.StartsWith("Could not connect to PostgreSQL database", failed.Message, StringComparison.Ordinal);
            Assert.EndsWith("Check the address, port, database name, user and password, and that the server accepts connections from this service.",
                failed.Message, StringComparison.Ordinal);
        });
        var messages = noServer.Message + wrongPassword.Message + noDatabase.Message;
        Assert.DoesNotContain(ShopDatabases.Password, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopDatabases.ServerPassword, messages, StringComparison.Ordinal);
        Assert.Empty((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.PersonalDatabaseIds);
    }

    [Fact]
    public async Task Add_ByAMember_IsRefused_ByAnOwner_BelongsToTheOrganization()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var connectionString = await ShopDatabases.PostgreSqlShopAsync();

        var byMember = await Databases.AddAsync(memberId, "Shop", connectionString);
        var byOwner = await Databases.AddAsync(ownerId, "Shop", connectionString);

        Assert.Equal(DatabaseError.NotAllowed, byMember.Error);
        Assert.Contains("Members cannot add databases", byMember.Message, StringComparison.Ordinal);
        Assert.True(byOwner.Succeeded, byOwner.Message);
        Assert.Equal((orgId, (long?)null), (byOwner.Database!.OwnerOrgId, byOwner.Database.OwnerUserId));
        Assert.Contains(await Databases.ListUsableAsync(memberId), listed => listed.DatabaseId == byOwner.Database.DatabaseId);
    }

    [Fact]
    public async Task Query_ReturnsExactDecimalsAndIsoDates()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId,
            "SELECT c.name, sum(o.total) AS spent, max(o.ordered_at) AS last_order FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([ValueKind.Text, ValueKind.Decimal, ValueKind.DateTime], result.Columns.Select(c => c.Kind));
        Assert.Equal(["Ada", "200.75", "2026-02-01T09:30:00"], result.Rows[0]);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Query_WithAnUnknownColumn_FailsWithTheDatabasesReason()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId, "SELECT nonexistent FROM customers");

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Contains("nonexistent", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_OfManyRows_IsCutAtTheRowCapAndSaysSo()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId, "SELECT g FROM generate_series(1, 5000) AS g");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SiloFixture.Limits.MaxRows, result.Rows.Count);
        Assert.True(result.Truncated);
        Assert.Contains("first 1000 rows", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ThatRunsTooLong_IsStoppedByTheTimeout_OnPostgreSqlAndSqlite()
    {
        var (pgUser, pgDatabase, _) = await PostgreSqlForNewUserAsync();
        var (liteUser, liteDatabase, _) = await SqliteForNewUserAsync();

        var postgres = await Grains.GetGrain<IDatabaseConnectionGrain>(pgDatabase).QueryAsync(pgUser, "SELECT pg_sleep(60)");
        var sqlite = await Grains.GetGrain<IDatabaseConnectionGrain>(liteDatabase).QueryAsync(liteUser,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n");

        Assert.Equal(QueryOutcome.TimedOut, postgres.Outcome);
        Assert.Equal(QueryOutcome.TimedOut, sqlite.Outcome);
        Assert.True(postgres.Duration < TimeSpan.FromSeconds(20) && sqlite.Duration < TimeSpan.FromSeconds(20));
        Assert.Contains("was stopped", postgres.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_MoreThanTenAtOnceByOneUser_TheExtraOnesAreTurnedAway()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => database.QueryAsync(userId, "SELECT pg_sleep(2)")));

        Assert.Equal(2, results.Count(r => r.Outcome == QueryOutcome.Busy));
        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Contains("already have 10 queries running", results.First(r => r.Outcome == QueryOutcome.Busy).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_PersonalDatabase_IsForItsOwnerOnly()
    {
        var (ownerId, databaseId, _) = await PostgreSqlForNewUserAsync();
        var strangerId = await TestUsers.RegisterAsync(Grains);
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);

        Assert.Equal(QueryOutcome.AccessDenied, (await database.QueryAsync(strangerId, "SELECT 1")).Outcome);
        Assert.Null(await database.GetSchemaAsync(strangerId));
        Assert.Equal(DatabaseError.NotFound, (await Databases.SelectAsync(strangerId, databaseId)).Error);
        Assert.Equal(DatabaseError.NotFound, (await Databases.SelectAsync(strangerId, "db_doesnotexist1")).Error);
        Assert.DoesNotContain(await Databases.ListUsableAsync(strangerId), listed => listed.DatabaseId == databaseId);
        Assert.True((await database.QueryAsync(ownerId, "SELECT 1")).Succeeded);
    }

    [Fact]
    public async Task Access_OrgDatabase_ForMembersOnly_AndARemovedMemberIsDeniedAtOnce()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var (otherOwnerId, _) = await Grains.NewOrganizationAsync("Other");
        var databaseId = (await Databases.AddAsync(ownerId, "Org shop", await ShopDatabases.PostgreSqlShopAsync())).Database!.DatabaseId;
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);
        Assert.True((await Databases.SelectAsync(memberId, databaseId)).Succeeded);
        Assert.True((await database.QueryAsync(memberId, "SELECT count(*) FROM orders")).Succeeded);

        Assert.Equal(QueryOutcome.AccessDenied, (await database.QueryAsync(otherOwnerId, "SELECT 1")).Outcome);
        await Grains.Coordinator().RemoveMemberAsync(ownerId, memberId);

        Assert.Equal(QueryOutcome.AccessDenied, (await database.QueryAsync(memberId, "SELECT 1")).Outcome);
        Assert.Null((await Grains.GetGrain<IUserGrain>(memberId).GetInfoAsync())!.ActiveDatabaseId);
    }

    [Fact]
    public async Task Remove_OrgDatabase_ClearsEveryMembersSelection_AndStopsQueries()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var databaseId = (await Databases.AddAsync(ownerId, "Org shop", await ShopDatabases.PostgreSqlShopAsync())).Database!.DatabaseId;
        await Databases.SelectAsync(memberId, databaseId);

        Assert.Equal(DatabaseError.NotAllowed, (await Databases.RemoveAsync(memberId, databaseId)).Error);
        var removed = await Databases.RemoveAsync(ownerId, databaseId);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.Null((await Grains.GetGrain<IUserGrain>(memberId).GetInfoAsync())!.ActiveDatabaseId);
        Assert.Null((await Grains.GetGrain<IUserGrain>(ownerId).GetInfoAsync())!.ActiveDatabaseId);
        Assert.Equal(QueryOutcome.AccessDenied, (await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(ownerId, "SELECT 1")).Outcome);
        Assert.Empty(await Grains.GetGrain<OrleansAssistant.Grains.Interfaces.Organizations.IOrganizationGrain>(orgId).GetDatabaseIdsAsync());
    }

    [Fact]
    public async Task Schema_IsIntrospectedAndCached()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);

        var first = (await database.GetSchemaAsync(userId))!;
        var cached = (await database.GetSchemaAsync(userId))!;
        var refreshed = (await database.GetSchemaAsync(userId, refresh: true))!;

        Assert.Equal(["customers", "orders"], first.Tables.Select(t => t.Name).Order());
        Assert.Equal(first.ReadAt, cached.ReadAt);
        Assert.True(refreshed.ReadAt >= first.ReadAt);
    }

    [Fact]
    public async Task WriteMode_IsOffByDefault_OnlyTheOwnerTurnsItOn_AndThenOnlyAConfirmedInsertOrUpdateRuns()
    {
        var (userId, databaseId, connectionString) = await PostgreSqlForNewUserAsync();
        var strangerId = await TestUsers.RegisterAsync(Grains);
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);
        const string insert = "INSERT INTO customers (id, name, city) VALUES (10, 'Margaret', 'Boston')";

        Assert.Null((await database.ProposeWriteAsync(userId, insert)).Token);
        Assert.Equal(DatabaseError.NotAllowed, (await database.SetWriteModeAsync(strangerId, true)).Error);
        Assert.True((await database.SetWriteModeAsync(userId, true)).Succeeded);

        var proposal = await database.ProposeWriteAsync(userId, insert);
        Assert.NotNull(proposal.Token);
        Assert.Equal(insert, proposal.Sql);
        Assert.Equal(3L, (await ShopDatabases.CountPostgreSqlAsync(connectionString)).Customers);
        Assert.Equal(QueryOutcome.Refused, (await database.ExecuteConfirmedWriteAsync(strangerId, proposal.Token!)).Outcome);
        var inserted = await database.ExecuteConfirmedWriteAsync(userId, proposal.Token!);
        var again = await database.ExecuteConfirmedWriteAsync(userId, proposal.Token!);

        Assert.True(inserted.Succeeded, inserted.Message);
        Assert.Equal(1, inserted.RowsAffected);
        Assert.Equal(QueryOutcome.Refused, again.Outcome);
        Assert.Null((await database.ProposeWriteAsync(userId, "DELETE FROM customers")).Token);
        Assert.Null((await database.ProposeWriteAsync(userId, "DROP TABLE orders")).Token);
        Assert.Equal(QueryOutcome.Refused, (await database.QueryAsync(userId, "UPDATE customers SET city = 'x'")).Outcome);
        var counts = await ShopDatabases.CountPostgreSqlAsync(connectionString);
        Assert.Equal((4L, 4L), (counts.Customers, counts.Orders));
    }

    [Fact]
    public async Task ConnectionPassword_IsNeitherInTheStoredStateNorInAnyLogLine()
    {
        var (userId, databaseId, _) = await PostgreSqlForNewUserAsync();
        var database = Grains.GetGrain<IDatabaseConnectionGrain>(databaseId);
        await database.QueryAsync(userId, "SELECT 1");
        await database.QueryAsync(userId, "SELECT nonexistent");
        await Databases.AddAsync(userId, "Broken", $"postgresql://postgres:{Uri.EscapeDataString(ShopDatabases.Password)}@127.0.0.1:{FreePort.Next()}/x");
        await Databases.AddAsync(userId, "Refused", new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Password = ShopDatabases.Password }.ToString());

        var stored = await StoredPayloadAsync(databaseId);

        Assert.Contains("ProtectedConnectionString", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopDatabases.ServerPassword, stored, StringComparison.Ordinal);
        Assert.NotEmpty(fixture.Logs.Lines);
        foreach (var secret in new[] { ShopDatabases.ServerPassword, ShopDatabases.Password })
        {
            Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<string> StoredPayloadAsync(string databaseId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "grains.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload FROM GrainState WHERE StateName = $state AND GrainId LIKE $grain";
        command.Parameters.AddWithValue("$state", StorageNames.States.DatabaseConnection);
        command.Parameters.AddWithValue("$grain", $"%{databaseId}");
        return Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync())!);
    }
}
