using System.Text.RegularExpressions;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// MySQL's column types for the prompt: MariaDB (and MySQL before 8.0.19) add a display width to integer types,
/// <c>int(11)</c>, which changes nothing about the values; it is dropped as MySQL 8 does, except <c>tinyint(1)</c>,
/// the conventional boolean.
/// </summary>
internal static partial class MySqlTypeName
{
    public static string Shorten(string columnType) =>
        columnType.StartsWith("tinyint(1)", StringComparison.Ordinal) ? columnType : DisplayWidth().Replace(columnType, "${type}");

    [GeneratedRegex(@"^(?<type>tinyint|smallint|mediumint|int|bigint)\(\d+\)")]
    private static partial Regex DisplayWidth();
}
