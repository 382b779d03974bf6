using System.Text.RegularExpressions;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Shortens PostgreSQL's spelled-out type names (format_type output) to their standard short aliases,
/// which save prompt tokens and are still valid PostgreSQL: <c>timestamp with time zone</c> → <c>timestamptz</c>.
/// </summary>
internal static partial class TypeAbbreviations
{
    public static string Shorten(string dataType) => TimeZoneTypes().Replace(SimpleTypes().Replace(dataType, ShortSimple), ShortTimeZone);

    private static string ShortSimple(Match match) => match.Value switch
    {
        "character varying" => "varchar",
        "character" => "char",
        "integer" => "int",
        "boolean" => "bool",
        "double precision" => "float8",
        _ => match.Value,
    };

    private static string ShortTimeZone(Match match)
    {
        var kind = match.Groups["kind"].Value;
        var precision = match.Groups["precision"].Value;
        return match.Groups["zone"].Value == "with" ? $"{kind}tz{precision}" : $"{kind}{precision}";
    }

    // Whole leading words only, so "characters" or a user type "integer_range" stays as it is.
    [GeneratedRegex(@"^(character varying|character|integer|boolean|double precision)(?=$|[\[(])")]
    private static partial Regex SimpleTypes();

    [GeneratedRegex(@"^(?<kind>timestamp|time)(?<precision>\(\d+\))? (?<zone>with|without) time zone(?=$|\[)")]
    private static partial Regex TimeZoneTypes();
}
