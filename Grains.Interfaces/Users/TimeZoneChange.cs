namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>The outcome of setting a person's time zone.</summary>
[GenerateSerializer, Alias("OrleansAssistant.TimeZoneChange")]
public enum TimeZoneChange
{
    Changed,
    /// <summary>It was already this time zone; nothing was written.</summary>
    Unchanged,
    /// <summary>Not an IANA time zone id this machine knows; the old time zone stays.</summary>
    UnknownTimeZone,
    NotRegistered,
}
