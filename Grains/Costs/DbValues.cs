using System.Data.Common;
using System.Globalization;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Reads app-table values whatever the driver returns for them: SQLite gives text for times and
/// money and integers for booleans, Npgsql UTC DateTimes, SqlClient DateTimes of unspecified kind.
/// </summary>
internal static class DbValues
{
    public static DateTimeOffset Timestamp(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        string value => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var other => throw Unexpected(other, "a timestamp"),
    };

    public static decimal Decimal(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        decimal value => value,
        string value => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture),
        long value => value,
        int value => value,
        var other => throw Unexpected(other, "an exact decimal"),
    };

    public static decimal? NullableDecimal(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Decimal(reader, ordinal);

    public static long Int64(DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static int? NullableInt32(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool Boolean(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        bool value => value,
        long value => value != 0,
        int value => value != 0,
        var other => throw Unexpected(other, "a boolean"),
    };

    private static InvalidCastException Unexpected(object value, string wanted) =>
        new($"Expected {wanted} but the driver returned {value.GetType().Name}.");
}
