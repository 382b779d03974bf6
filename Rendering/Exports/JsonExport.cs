using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Rendering.Exports;

/// <summary>An array of objects, one per row, keyed by column name; numbers as JSON numbers, exact decimals kept exact.</summary>
internal static class JsonExport
{
    // Readable letters in the file (no \u escapes); the file is data for people and programs, never HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(QueryResult result, Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(destination, Options);
        writer.WriteStartArray();
        foreach (var row in result.Rows)
        {
            writer.WriteStartObject();
            for (var column = 0; column < result.Columns.Count; column++)
            {
                writer.WritePropertyName(result.Columns[column].Name);
                WriteValue(writer, result.Columns[column].Kind, row[column]);
            }
            writer.WriteEndObject();
            if (writer.BytesPending > 64 * 1024) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter writer, ValueKind kind, string? cell)
    {
        if (cell is null)
        {
            writer.WriteNullValue();
            return;
        }
        switch (kind)
        {
            case ValueKind.Integer or ValueKind.Decimal or ValueKind.Float
                when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                // The invariant text is already a valid JSON number; writing it raw keeps every digit.
                writer.WriteRawValue(cell, skipInputValidation: false);
                break;
            case ValueKind.Boolean when bool.TryParse(cell, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteStringValue(cell);
                break;
        }
    }
}
