using System.Text;
using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Questions;

/// <summary>Query rows as compact JSON for the model: numbers as numbers (exact text), the rest as strings.</summary>
public static class RowsJson
{
    public const int MaxRowsForModel = 100;

    public static string Write(QueryResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows.Take(MaxRowsForModel))
            {
                json.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    var column = result.Columns[i];
                    json.WritePropertyName(column.Name);
                    WriteValue(json, column.Kind, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, ValueKind kind, string? value)
    {
        if (value is null) json.WriteNullValue();
        else if (kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float && IsJsonNumber(value)) json.WriteRawValue(value);
        else if (kind == ValueKind.Boolean) json.WriteBooleanValue(value == "true");
        else json.WriteStringValue(value);
    }

    // Exact decimal text goes through untouched; NaN or infinity (floats) become strings.
    private static bool IsJsonNumber(string value) => value.Length > 0 && value.All(c => char.IsAsciiDigit(c) || c is '-' or '.' or 'E' or 'e' or '+')
        && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
}
