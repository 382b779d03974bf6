using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Rendering.Charts;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace OrleansAssistant.Rendering.Exports;

/// <summary>A real XLSX, written as a stream: typed cells (numbers, dates, booleans), a bold frozen header row.</summary>
internal static class XlsxExport
{
    public static async Task WriteAsync(QueryResult result, Stream destination, CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(destination, cancellationToken: cancellationToken);
        await spreadsheet.StartWorksheetAsync("Result", new WorksheetOptions { FrozenRows = 1 }, cancellationToken);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });

        await spreadsheet.AddRowAsync([.. result.Columns.Select(column => new Cell(column.Name, header))], cancellationToken);
        var cells = new Cell[result.Columns.Count];
        foreach (var row in result.Rows)
        {
            for (var column = 0; column < cells.Length; column++) cells[column] = CellOf(result.Columns[column].Kind, row[column], date);
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static Cell CellOf(ValueKind kind, string? text, StyleId date)
    {
        if (text is null) return new Cell();
        return kind switch
        {
            ValueKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => new Cell(whole),
            ValueKind.Decimal when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) => new Cell(exact),
            ValueKind.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => new Cell(real),
            ValueKind.Boolean when bool.TryParse(text, out var flag) => new Cell(flag),
            ValueKind.DateTime when CellValues.TryDate(text, out var at) => new Cell(at, date),
            _ => new Cell(ExportCells.Defused(text)),
        };
    }
}
