using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Rendering.Exports;
using nietras.SeparatedValues;

namespace OrleansAssistant.Grains.Tests.Rendering;

/// <summary>The files an answer's rows are taken away as, read back by independent readers (Sep, MiniExcel, System.Text.Json).</summary>
public sealed class ResultExportTests
{
    private static readonly QueryResult Tricky = ResultRows.Of(
        [new("name", ValueKind.Text), new("amount", ValueKind.Decimal), new("count", ValueKind.Integer), new("at", ValueKind.DateTime), new("active", ValueKind.Boolean)],
        [
            ["Smith, \"Jo\"", "1234.50", "3", "2024-05-01T10:30:00", "true"],
            ["line one\nline two", "-0.0000000001", "-7", "2024-12-31T00:00:00", "false"],
            ["Zoë 東京 🎉", null, null, null, null],
            ["=HYPERLINK(\"http://x\")", "99999999999999.99", "9007199254740993", "2000-01-01T00:00:00", "true"],
        ]);

    [Fact]
    public async Task Csv_IsUtf8WithBom_AndParsesBackToTheSameRows()
    {
        var bytes = await ExportAsync(Tricky, ExportFormat.Csv);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = Sep.New(',').Reader(options => options with { Unescape = true }).From(bytes[3..]);
        Assert.Equal(["name", "amount", "count", "at", "active"], Enumerable.Range(0, reader.Header.ColNames.Count).Select(index => reader.Header.ColNames[index]));
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var index = 0; index < cells.Length; index++) cells[index] = row[index].ToString();
            rows.Add(cells);
        }
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Smith, \"Jo\"", "1234.50", "3", "2024-05-01T10:30:00", "true"], rows[0]);
        Assert.Equal(["line one\nline two", "-0.0000000001", "-7", "2024-12-31T00:00:00", "false"], rows[1]);
        Assert.Equal(["Zoë 東京 🎉", "", "", "", ""], rows[2]);
        // A cell a spreadsheet would run as a formula is kept as text.
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[3][0]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_ReadsBackWithTypedCells_AndABoldFrozenHeader()
    {
        var bytes = await ExportAsync(Tricky, ExportFormat.Xlsx);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Smith, \"Jo\"", rows[0]["name"]);
        Assert.Equal(1234.5, Assert.IsType<double>(rows[0]["amount"]));
        Assert.Equal(3d, Assert.IsType<double>(rows[0]["count"]));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 30, 0), Assert.IsType<DateTime>(rows[0]["at"]));
        Assert.Equal(true, rows[0]["active"]);
        Assert.Equal(-7d, rows[1]["count"]);
        Assert.Null(rows[2]["amount"]);
        Assert.Equal("Zoë 東京 🎉", rows[2]["name"]);
        var sheet = Encoding.UTF8.GetString(ZipEntry(bytes, "xl/worksheets/sheet1.xml"));
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("<b", Encoding.UTF8.GetString(ZipEntry(bytes, "xl/styles.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_IsAnArrayOfObjects_WithExactNumbersAndReadableText()
    {
        var bytes = await ExportAsync(Tricky, ExportFormat.Json);

        using var document = JsonDocument.Parse(bytes);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Smith, \"Jo\"", rows[0].GetProperty("name").GetString());
        Assert.Equal(1234.50m, rows[0].GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.True, rows[0].GetProperty("active").ValueKind);
        Assert.Equal(-0.0000000001m, rows[1].GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("amount").ValueKind);
        Assert.Equal("9007199254740993", rows[3].GetProperty("count").GetRawText());
        Assert.Equal("Zoë 東京 🎉", rows[2].GetProperty("name").GetString());
        // Letters stay letters in the file (emoji, outside the basic plane, are escaped by the writer).
        Assert.Contains("Zoë 東京", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What were the sales by month in 2024?", ExportFormat.Csv, "what-were-the-sales-by-month-in-2024.csv")]
    [InlineData("../../etc/passwd", ExportFormat.Json, "etc-passwd.json")]
    [InlineData("???", ExportFormat.Xlsx, "answer.xlsx")]
    [InlineData("Продажи по регионам", ExportFormat.Csv, "продажи-по-регионам.csv")]
    public void FileName_ComesFromTheQuestion_InSafeCharacters(string question, ExportFormat format, string expected)
    {
        Assert.Equal(expected, ExportFileName.For(question, format));
    }

    [Fact]
    public void FileName_IsAtMostSixtyCharactersBeforeTheExtension()
    {
        var name = ExportFileName.For(string.Join(' ', Enumerable.Repeat("revenue", 30)), ExportFormat.Csv);

        Assert.InRange(Path.GetFileNameWithoutExtension(name).Length, 1, 60);
    }

    private static async Task<byte[]> ExportAsync(QueryResult result, ExportFormat format)
    {
        using var stream = new MemoryStream();
        await ResultExport.WriteAsync(result, format, stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static byte[] ZipEntry(byte[] zip, string name)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var entry = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }
}
