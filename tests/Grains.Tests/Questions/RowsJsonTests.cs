using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Questions;

namespace OrleansAssistant.Grains.Tests.Questions;

public sealed class RowsJsonTests
{
    private static readonly string[][] Artists =
    [
        ["1", "AC/DC", "For Those About To Rock We Salute You"],
        ["2", "Chico Science & Nação Zumbi", "Afrociberdelia"],
        ["3", "Antônio Carlos Jobim", "Warner 25 Anos"],
        ["4", "Guns N' Roses", "Appetite for Destruction"],
        ["5", "Os Paralamas Do Sucesso", "Arquivo II <ao vivo>"],
        ["6", "Mônica Marianno", "Música & Poesia"],
        ["7", "Zeca Pagodinho", "Acústico MTV"],
        ["8", "Björk", "Homogenic \"live\""],
    ];

    [Fact]
    public void Rows_KeepAmpersandsAnglesAndAccents_AsTheyAre()
    {
        var text = RowsJson.Write(ArtistResult());

        Assert.Contains("\"Chico Science & Nação Zumbi\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Arquivo II <ao vivo>\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Björk\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLine_IsJson_AndReadsBackToTheSameValues()
    {
        var result = ArtistResult();

        var lines = RowsJson.Write(result).Split('\n');

        Assert.Equal(["id", "artist", "album"], JsonSerializer.Deserialize<string[]>(lines[0])!);
        Assert.Equal(Artists.Length + 1, lines.Length);
        for (var i = 0; i < Artists.Length; i++)
        {
            using var row = JsonDocument.Parse(lines[i + 1]);
            Assert.Equal(JsonValueKind.Number, row.RootElement[0].ValueKind);
            Assert.Equal(Artists[i][0], row.RootElement[0].GetRawText());
            Assert.Equal(Artists[i][1], row.RootElement[1].GetString());
            Assert.Equal(Artists[i][2], row.RootElement[2].GetString());
        }
    }

    [Fact]
    public void Rows_AreSmaller_ThanEscapedObjectsPerRow()
    {
        var result = ArtistResult();
        // What the model used to get: one object per row, written by the default (escaping) encoder.
        var escapedObjects = JsonSerializer.Serialize(result.Rows.Select(row =>
            result.Columns.Select((column, i) => (column.Name, Value: row[i])).ToDictionary(cell => cell.Name, cell => cell.Value)));

        var text = RowsJson.Write(result);

        Assert.Contains("\\u0026", escapedObjects, StringComparison.Ordinal);
        Assert.True(text.Length < escapedObjects.Length * 0.75, $"{text.Length} characters vs {escapedObjects.Length}");
    }

    [Theory]
    [InlineData("line one\nline two", "\"line one\\nline two\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("back\\slash \"quoted\"", "\"back\\\\slash \\\"quoted\\\"\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("emoji 🎸", "\"emoji 🎸\"")]
    public void Strings_AreEscapedOnlyWhereJsonRequires(string value, string expected)
    {
        var text = RowsJson.Write(OneCell(ValueKind.Text, value));

        Assert.Equal(expected, text.Split('\n')[1].Trim('[', ']'));
        using var parsed = JsonDocument.Parse(text.Split('\n')[1]);
    }

    [Fact]
    public void ALoneSurrogate_BecomesTheReplacementCharacter_SoTheTextStaysValid()
    {
        var line = RowsJson.Write(OneCell(ValueKind.Text, "broken " + '\ud800' + " half")).Split('\n')[1];

        Assert.Equal("[\"broken \ufffd half\"]", line);
    }

    [Theory]
    [InlineData(ValueKind.Integer, "42", "42")]
    [InlineData(ValueKind.Decimal, "-1234.50", "-1234.50")]
    [InlineData(ValueKind.Float, "6.02E+23", "6.02E+23")]
    [InlineData(ValueKind.Float, "NaN", "\"NaN\"")]
    [InlineData(ValueKind.Decimal, "+1", "\"+1\"")]
    [InlineData(ValueKind.Decimal, "007", "\"007\"")]
    [InlineData(ValueKind.Decimal, ".5", "\".5\"")]
    [InlineData(ValueKind.Boolean, "true", "true")]
    [InlineData(ValueKind.Text, "12", "\"12\"")]
    public void Numbers_StayExact_AndOnlyValidJsonNumbersGoUnquoted(ValueKind kind, string value, string expected)
    {
        var line = RowsJson.Write(OneCell(kind, value)).Split('\n')[1];

        Assert.Equal($"[{expected}]", line);
        using var parsed = JsonDocument.Parse(line);
    }

    [Fact]
    public void NullCells_AreJsonNull_AndOnlyTheFirstHundredRowsGo()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string?>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), null]).ToList();
        var result = new QueryResult(QueryOutcome.Succeeded, null, [new("n", ValueKind.Integer), new("note", ValueKind.Text)], rows, false, null, TimeSpan.Zero);

        var lines = RowsJson.Write(result).Split('\n');

        Assert.Equal(RowsJson.MaxRowsForModel + 1, lines.Length);
        Assert.Equal("[1,null]", lines[1]);
    }

    private static QueryResult ArtistResult() => new(QueryOutcome.Succeeded, null,
        [new("id", ValueKind.Integer), new("artist", ValueKind.Text), new("album", ValueKind.Text)],
        [.. Artists.Select(row => (IReadOnlyList<string?>)row)], false, null, TimeSpan.Zero);

    private static QueryResult OneCell(ValueKind kind, string value) =>
        new(QueryOutcome.Succeeded, null, [new("value", kind)], [[value]], false, null, TimeSpan.Zero);
}
