using System.Globalization;
using System.Text.Json;
using OrleansAssistant.Benchmarks.Reporting;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Questions;

namespace OrleansAssistant.Benchmarks.Rows;

/// <summary>
/// The rows stage 2 sends the model, as today's JSON lines (<see cref="RowsJson"/>) against one escaped object per row
/// (the default encoder's output, as sent before): characters and o200k tokens, on Demo Sales' results and on a
/// Chinook-like list of artists whose names carry ampersands and accents.
/// </summary>
internal static class RowsTextBenchmark
{
    private static readonly (string Name, string Sql)[] DemoQueries =
    [
        ("Demo Sales: revenue by region", """
            SELECT r.name AS region, ROUND(SUM(ol.quantity * ol.unit_price_cents) / 100.0, 2) AS revenue
            FROM order_lines ol JOIN orders o ON o.id = ol.order_id JOIN branches b ON b.id = o.branch_id JOIN regions r ON r.id = b.region_id
            GROUP BY r.name ORDER BY revenue DESC
            """),
        ("Demo Sales: 100 products", "SELECT p.id, p.name, c.name AS category FROM products p JOIN product_categories c ON c.id = p.category_id ORDER BY p.id LIMIT 100"),
        ("Demo Sales: 100 customers", "SELECT id, name, city FROM customers ORDER BY id LIMIT 100"),
    ];

    // Real artist names of the kind a music catalogue holds (Chinook's style): ampersands, apostrophes, accents.
    private static readonly string[] Artists =
    [
        "AC/DC", "Chico Science & Nação Zumbi", "Antônio Carlos Jobim", "Guns N' Roses", "Os Paralamas Do Sucesso", "Mônica Marianno",
        "Zeca Pagodinho", "Björk", "Motörhead", "Simon & Garfunkel", "Earth, Wind & Fire", "Sérgio Mendes", "Caetano Veloso & Gilberto Gil",
        "Mötley Crüe", "Beyoncé", "Los Hermanos", "Cássia Eller", "Jorge Ben & Tim Maia", "Ivete Sangalo", "Céline Dion",
    ];

    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rows-bench-");
        try
        {
            var path = Path.Combine(folder.FullName, DemoSalesDatabase.FileName);
            await DemoSalesDatabase.EnsureCreatedAsync(path, cancellationToken);
            var samples = new List<(string Name, QueryResult Rows)>();
            foreach (var (name, sql) in DemoQueries)
            {
                var rows = await GuardedQueryRunner.RunAsync(SqliteDriver.Instance, $"Data Source={path};Mode=ReadOnly", sql, isWrite: false,
                    QueryLimits.Default, cancellationToken);
                if (!rows.Succeeded) throw new InvalidOperationException($"{name}: {rows.Message}");
                samples.Add((name, rows));
            }
            samples.Add(("Chinook-like artists (& and accents)", ArtistRows()));
            Print(samples);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Print(IEnumerable<(string Name, QueryResult Rows)> samples)
    {
        Console.WriteLine("Stage 2 rows: JSON lines (column names once, escapes only where JSON needs them) vs one escaped object per row");
        var table = new TextTable("result", "rows", "before chars", "after chars", "before tokens", "after tokens", "tokens saved");
        foreach (var (name, rows) in samples)
        {
            var before = EscapedObjects(rows);
            var after = RowsJson.Write(rows);
            var (beforeTokens, afterTokens) = (TokenEstimate.Of(before), TokenEstimate.Of(after));
            table.Add(name, rows.Rows.Count.ToString(CultureInfo.InvariantCulture), Number(before.Length), Number(after.Length),
                Number(beforeTokens), Number(afterTokens), $"{100.0 * (beforeTokens - afterTokens) / beforeTokens:F0} %");
        }
        table.WriteTo(Console.Out);
        Console.WriteLine("  (tokens counted with o200k, the product's estimate; \"before\" = JsonSerializer's default encoder, which writes");
        Console.WriteLine("   & < > and every non-ASCII letter as \\uXXXX)");
    }

    // As stage 2 sent rows before: an object per row through Utf8JsonWriter's default encoder, numbers written as numbers.
    private static string EscapedObjects(QueryResult rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows.Rows.Take(RowsJson.MaxRowsForModel))
            {
                json.WriteStartObject();
                for (var i = 0; i < rows.Columns.Count; i++)
                {
                    json.WritePropertyName(rows.Columns[i].Name);
                    if (row[i] is not { } value) json.WriteNullValue();
                    else if (rows.Columns[i].Kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float) json.WriteRawValue(value);
                    else json.WriteStringValue(value);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static QueryResult ArtistRows() => new(QueryOutcome.Succeeded, null,
        [new ResultColumn("artist_id", ValueKind.Integer), new ResultColumn("name", ValueKind.Text)],
        [.. Artists.Select((name, i) => (IReadOnlyList<string?>)[(i + 1).ToString(CultureInfo.InvariantCulture), name])], false, null, TimeSpan.Zero);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
