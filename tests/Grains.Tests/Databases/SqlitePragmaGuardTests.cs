using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>SQLite's pragma_* tables show file paths and settings; the guard refuses them in every spelling.</summary>
public sealed class SqlitePragmaGuardTests
{
    [Theory]
    [InlineData("SELECT * FROM pragma_database_list")]
    [InlineData("select file from PRAGMA_DATABASE_LIST")]
    [InlineData("SELECT * FROM \"pragma_database_list\"")]
    [InlineData("SELECT name FROM pragma_table_info('customers')")]
    [InlineData("SELECT * FROM customers WHERE id IN (SELECT seq FROM pragma_database_list)")]
    [InlineData("WITH d AS (SELECT * FROM pragma_compile_options) SELECT * FROM d")]
    public void PragmaTable_IsRefused(string sql)
    {
        var verdict = SqlGuard.Check(DatabaseProvider.Sqlite, sql);

        Assert.False(verdict.Allowed);
        Assert.Contains("pragma_", verdict.Refusal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PragmaNameInsideAString_IsAllowed()
    {
        Assert.True(SqlGuard.Check(DatabaseProvider.Sqlite, "SELECT * FROM customers WHERE name = 'pragma_database_list'").Allowed);
    }
}
