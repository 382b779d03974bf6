namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>How one run of a schedule ended (or stands).</summary>
[GenerateSerializer, Alias("OrleansAssistant.RunOutcome")]
public enum RunOutcome
{
    /// <summary>Claimed by a silo and not finished yet.</summary>
    Running,
    /// <summary>A report's rows were sent.</summary>
    Delivered,
    /// <summary>The query ran and returned no rows ("no rows today", or nothing, by setting).</summary>
    NoRows,
    /// <summary>An alert's number crossed its rule: the owner was told.</summary>
    AlertFired,
    /// <summary>An alert's number came back within its rule: the owner was told.</summary>
    AlertReturned,
    /// <summary>An alert was checked and nothing changed: nobody was told.</summary>
    AlertQuiet,
    /// <summary>The database could not be reached; the run is tried again (3 times over 15 minutes).</summary>
    RetryPending,
    /// <summary>The run gave up (database down after the retries, the SQL failed or was refused): the owner was told once.</summary>
    Failed,
    /// <summary>The permission check failed: the schedule was paused and its owner told.</summary>
    Paused,
}
