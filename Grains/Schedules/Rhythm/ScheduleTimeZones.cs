using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrleansAssistant.Grains.Schedules.Rhythm;

/// <summary>Time zones by IANA id ("Europe/Berlin", "UTC"), read from the machine's tz database.</summary>
public static partial class ScheduleTimeZones
{
    public const string Default = "UTC";

    /// <summary>Finds a zone by its exact IANA id; anything else (other spellings, Windows names, paths, empty text) is unknown.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        // The id becomes a file path under the tz database on Linux: only the shape IANA ids have gets that far.
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !IanaId().IsMatch(id)) return false;
        // The runtime's zone cache ignores case but the tz files do not: only the exact spelling is accepted, so an id
        // works or fails the same way whatever was looked up before.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) && string.Equals(found.Id, id, StringComparison.Ordinal)) zone = found;
        return zone is not null;
    }

    public static bool IsKnown(string? id) => TryFind(id, out _);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaId();
}
