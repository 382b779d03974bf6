using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>A SQLite database with many unrelated tables besides customers and orders, to test table selection.</summary>
public static class WideSchema
{
    private static readonly string[] Subjects = ["warehouse_bins", "inventory_adjustments", "shipping_labels", "payroll_runs", "audit_trails", "tax_rates", "supplier_contracts", "marketing_campaigns", "support_tickets", "fleet_vehicles"];

    public static async Task<string> CreateAsync(string folder, int tables)
    {
        Directory.CreateDirectory(folder);
        var fileName = $"wide_{Guid.NewGuid():N}.db";
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, fileName)};Pooling=False");
        await connection.OpenAsync();
        var script = new System.Text.StringBuilder("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), ordered_at TEXT, total TEXT);
            """);
        for (var i = 0; i < tables - 2; i++)
        {
            script.AppendLine($"CREATE TABLE {Subjects[i % Subjects.Length]}_{i:000} (id INTEGER PRIMARY KEY, code TEXT, amount TEXT, noted_at TEXT, status TEXT, owner_name TEXT);");
        }
        await using var command = connection.CreateCommand();
        command.CommandText = script.ToString();
        await command.ExecuteNonQueryAsync();
        return fileName;
    }

    /// <summary>How many table lines the compact schema text in a prompt holds.</summary>
    public static int TableLines(string prompt) => prompt.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^[\w.""]+\("));
}
