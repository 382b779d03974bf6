using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// A CSV download (RFC 4180): invariant-culture numbers, ISO 8601 UTC times, and text that a
/// spreadsheet would read as a formula (names come from Telegram profiles) defused with a leading quote.
/// </summary>
internal sealed class CsvFile
{
    public const string ContentType = "text/csv";

    private readonly StringBuilder _text = new();

    public CsvFile(params string[] header) => AppendRow(header);

    public void Add(params object?[] values) => AppendRow(values.Select(Format));

    public FileContentHttpResult ToFile(string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(_text.ToString()), $"{ContentType}; charset=utf-8", fileName);

    public override string ToString() => _text.ToString();

    private void AppendRow(IEnumerable<string> cells)
    {
        _text.AppendJoin(',', cells.Select(Quote));
        _text.Append("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        string text => Defuse(text),
        // Numbers and enum names: never a formula, so never defused (a minus sign stays a minus sign).
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Defuse(value.ToString() ?? ""),
    };

    private static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
