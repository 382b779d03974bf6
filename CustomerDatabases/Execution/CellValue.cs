using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Execution;

/// <summary>Turns a driver value into JSON-friendly text: exact decimals, ISO-8601 dates, binary as its length.</summary>
public static class CellValue
{
    public static (ValueKind Kind, string? Text) From(object? value) => value switch
    {
        null or DBNull => (ValueKind.Text, null),
        bool b => (ValueKind.Boolean, b ? "true" : "false"),
        byte or sbyte or short or ushort or int or uint or long or ulong => (ValueKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)),
        decimal d => (ValueKind.Decimal, d.ToString(CultureInfo.InvariantCulture)),
        double d => (ValueKind.Float, d.ToString("R", CultureInfo.InvariantCulture)),
        float f => (ValueKind.Float, f.ToString("R", CultureInfo.InvariantCulture)),
        DateTime t => (ValueKind.DateTime, t.Kind == DateTimeKind.Unspecified ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset t => (ValueKind.DateTime, t.ToString("O", CultureInfo.InvariantCulture)),
        DateOnly d => (ValueKind.DateTime, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => (ValueKind.Text, t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        TimeSpan t => (ValueKind.Text, t.ToString("c", CultureInfo.InvariantCulture)),
        byte[] bytes => (ValueKind.Binary, $"<{bytes.Length} bytes>"),
        Guid g => (ValueKind.Text, g.ToString()),
        Array array => (ValueKind.Text, "[" + string.Join(", ", array.Cast<object?>().Select(item => From(item).Text ?? "null")) + "]"),
        IFormattable formattable => (ValueKind.Text, formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => (ValueKind.Text, value.ToString()),
    };

    /// <summary>A column's kind: the kind all its non-null values share; integers mixed with floats read as floats; anything else mixed reads as text.</summary>
    public static ValueKind Combine(ValueKind? current, ValueKind next) => current switch
    {
        null => next,
        var same when same == next => next,
        ValueKind.Integer when next is ValueKind.Float or ValueKind.Decimal => next,
        ValueKind.Float or ValueKind.Decimal when next == ValueKind.Integer => current.Value,
        _ => ValueKind.Text,
    };
}
