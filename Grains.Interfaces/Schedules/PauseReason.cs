namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Why a schedule does not run; everything but <see cref="ByOwner"/> was found by a run's permission check.</summary>
[GenerateSerializer, Alias("OrleansAssistant.PauseReason")]
public enum PauseReason
{
    None,
    /// <summary>Its owner (or the organization's owner on the dashboard) paused it.</summary>
    ByOwner,
    /// <summary>The owner is no longer a member of the organization whose database it reads.</summary>
    NotMember,
    /// <summary>The database was removed.</summary>
    DatabaseRemoved,
    /// <summary>The owner may no longer use the database.</summary>
    AccessLost,
}
