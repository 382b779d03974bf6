using System.Globalization;
using System.Text;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Query rows for the model, as JSON lines: the first line is the array of column names, then one array per row,
/// numbers as numbers (their exact text), the rest as strings. Column names are not repeated per row, and strings
/// are escaped only where JSON requires it (quotes, backslashes, control characters): "&amp;", "&lt;" and letters
/// such as "ç" reach the model as they are, not as \uXXXX sequences that cost tokens and that a model may echo.
/// </summary>
public static class RowsJson
{
    public const int MaxRowsForModel = 100;

    public static string Write(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append('[');
        for (var i = 0; i < result.Columns.Count; i++)
        {
            if (i > 0) text.Append(',');
            AppendString(text, result.Columns[i].Name);
        }
        text.Append(']');
        foreach (var row in result.Rows.Take(MaxRowsForModel))
        {
            text.Append("\n[");
            for (var i = 0; i < result.Columns.Count; i++)
            {
                if (i > 0) text.Append(',');
                AppendValue(text, result.Columns[i].Kind, row[i]);
            }
            text.Append(']');
        }
        return text.ToString();
    }

    private static void AppendValue(StringBuilder text, ValueKind kind, string? value)
    {
        if (value is null) text.Append("null");
        else if (kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float && IsJsonNumber(value)) text.Append(value);
        else if (kind == ValueKind.Boolean) text.Append(value == "true" ? "true" : "false");
        else AppendString(text, value);
    }

    /// <summary>A JSON string with only the escapes JSON demands; a lone surrogate (not valid Unicode) becomes U+FFFD.</summary>
    internal static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) text.Append(c).Append(value[++i]);
                    else if (char.IsSurrogate(c)) text.Append('\uFFFD');
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    // Exact decimal text goes through untouched; NaN or infinity (floats) become strings.
    private static bool IsJsonNumber(string value) => value.Length > 0 && value.All(c => char.IsAsciiDigit(c) || c is '-' or '.' or 'E' or 'e' or '+')
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
        && JsonNumberShape(value);

    // JSON numbers have no leading '+', no leading zeros and a digit on each side of the point: "+1", "01" and ".5" stay strings.
    private static bool JsonNumberShape(string value)
    {
        var digits = value.AsSpan(value[0] == '-' ? 1 : 0);
        if (digits.IsEmpty || !char.IsAsciiDigit(digits[0])) return false;
        if (digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1])) return false;
        var point = digits.IndexOf('.');
        return point < 0 || (point + 1 < digits.Length && char.IsAsciiDigit(digits[point + 1]));
    }
}
