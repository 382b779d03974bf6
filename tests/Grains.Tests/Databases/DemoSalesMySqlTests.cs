using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>"Demo Sales" copied onto the real MariaDB holds what the SQLite demo holds, and answers a question the same way.</summary>
public sealed class DemoSalesMySqlTests
{
    private const string SalesByRegion =
        "SELECT region_name, sum(total) AS sales FROM order_totals WHERE status <> 'Cancelled' GROUP BY region_name ORDER BY region_name";

    [Fact]
    public async Task TheCopy_HasTheSameRowsPerTable_AndTheSameSalesByRegion_AsTheSqliteDemo()
    {
        using var folder = new TempDirectory();
        var sqlitePath = Path.Combine(folder.Path, DemoSalesDatabase.FileName);
        await DemoSalesDatabase.EnsureCreatedAsync(sqlitePath, CancellationToken.None);
        var mySql = await TestMariaDb.CreateDatabaseAsync("demo");

        var copied = await DemoSalesMySql.CopyAsync(sqlitePath, mySql, CancellationToken.None);

        await using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly");
        await sqlite.OpenAsync();
        await using var maria = new MySqlConnection(mySql);
        await maria.OpenAsync();
        foreach (var table in new[] { "regions", "branches", "product_categories", "products", "customers", "sales_reps", "orders", "order_lines" })
        {
            var expected = await ScalarAsync(sqlite, $"SELECT count(*) FROM {table}");
            Assert.True(expected > 0, $"the SQLite demo's {table} is empty");
            Assert.Equal(expected, await ScalarAsync(maria, $"SELECT count(*) FROM {table}"));
            Assert.Equal(expected, copied[table]);
        }
        Assert.Equal(await RowsAsync(sqlite, SalesByRegion), await RowsAsync(maria, SalesByRegion));
        SqliteConnection.ClearPool(sqlite);
    }

    [Fact]
    public async Task AMissingSqliteFile_IsRefused_AndTheDatabaseStaysEmpty()
    {
        using var folder = new TempDirectory();
        var mySql = await TestMariaDb.CreateDatabaseAsync("demo_missing");

        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            DemoSalesMySql.CopyAsync(Path.Combine(folder.Path, "no-such.db"), mySql, CancellationToken.None));

        await using var maria = new MySqlConnection(mySql);
        await maria.OpenAsync();
        Assert.Equal(0, await ScalarAsync(maria, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"));
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each row as text, money with two decimals, so the two servers' number types compare.</summary>
    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}: {Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)}");
        }
        return rows;
    }
}
