namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>How a request about a schedule ended; the gateways word it.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ScheduleChangeStatus")]
public enum ScheduleChangeStatus
{
    Done,
    /// <summary>No such schedule, or another person's (a member never learns another's schedule exists).</summary>
    NotFound,
    /// <summary>The asker may see it but not change it.</summary>
    NotAllowed,
    /// <summary>Pause on a paused schedule, resume on an active one: nothing changed.</summary>
    Unchanged,
    /// <summary>The answer is unknown, another person's, older than the export window, or has no SQL.</summary>
    AnswerUnusable,
    /// <summary>An alert's SQL does not return exactly one number (one row, one numeric column).</summary>
    NotOneNumber,
    /// <summary>See <see cref="ScheduleChange.Rhythm"/>.</summary>
    RhythmRefused,
    /// <summary>See <see cref="ScheduleChange.Webhook"/>.</summary>
    WebhookRefused,
    /// <summary>An e-mail recipient is not an address, or there are more than the e-mail drafts allow.</summary>
    RecipientsRefused,
    /// <summary>The person already has <see cref="ScheduleChange.Limit"/> schedules.</summary>
    PersonLimitReached,
    /// <summary>The organization already has <see cref="ScheduleChange.Limit"/> schedules.</summary>
    OrganizationLimitReached,
    /// <summary>The database could not be reached to check the SQL (creating an alert) or to run it now.</summary>
    DatabaseUnavailable,
    /// <summary>A resume whose permission check fails again: <see cref="ScheduleChange.Schedule"/> says why.</summary>
    StillNotPermitted,
}
