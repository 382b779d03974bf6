namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Why a rhythm is refused; the gateways word it.</summary>
[GenerateSerializer, Alias("OrleansAssistant.RhythmProblem")]
public enum RhythmProblem
{
    None,
    /// <summary>The cron text is missing or is not a five-field cron expression.</summary>
    InvalidCron,
    /// <summary>Two runs would be closer than the installation's minimum interval.</summary>
    TooFrequent,
    /// <summary>The rhythm names no instant that exists, e.g. 30 February.</summary>
    NeverFires,
    /// <summary>The time zone is not an IANA id this machine knows.</summary>
    UnknownTimeZone,
    /// <summary>A weekly rhythm without its day.</summary>
    MissingDay,
    /// <summary>A time of day outside 00:00–23:59 or with seconds: rhythms run on whole minutes.</summary>
    InvalidTimeOfDay,
}
