using System.Text;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Rendering.Exports;

/// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens it with the right characters.</summary>
internal static class CsvExport
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteAsync(QueryResult result, Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(destination, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(result.Columns.Select(column => column.Name)).AsMemory(), cancellationToken);
        foreach (var row in result.Rows)
        {
            await writer.WriteLineAsync(Line(row.Select(cell => ExportCells.Defused(cell))).AsMemory(), cancellationToken);
        }
    }

    private static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Quoted));

    // Quotes only where RFC 4180 needs them: separators, quotes and line breaks.
    private static string Quoted(string? cell)
    {
        if (cell is null) return "";
        return cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
