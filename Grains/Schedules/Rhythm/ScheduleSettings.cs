using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Schedules.Rhythm;

/// <summary>Limits and choices for schedules and alerts (<c>Schedules:*</c>).</summary>
public sealed record ScheduleSettings
{
    public static readonly ScheduleSettings Default = new();

    /// <summary><c>Schedules:MinimumIntervalMinutes</c> (default 15): no rhythm may run two times closer than this; alerts are checked no more often.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary><c>Schedules:MaxPerPerson</c> (default 20): schedules and alerts one person may own.</summary>
    public int MaxPerPerson { get; init; } = 20;

    /// <summary><c>Schedules:MaxPerOrganization</c> (default 200): schedules and alerts of all of an organization's members together.</summary>
    public int MaxPerOrganization { get; init; } = 200;

    /// <summary><c>Schedules:Message</c>: a report's sentence is written by stage 2 (Summary, billed as scheduled) or not at all (Template, no model call).</summary>
    public VerifiedAnswerMode Message { get; init; } = VerifiedAnswerMode.Summary;

    /// <summary><c>Schedules:SayNoRows</c> (default true): a report with no rows says "no rows today"; false sends nothing.</summary>
    public bool SayNoRows { get; init; } = true;

    /// <summary>
    /// <c>Schedules:AllowPrivateWebhookTargets</c> (default false): lets webhooks reach loopback and private addresses (and, for those
    /// only, plain http): for a receiver on one's own network or a test. Public targets stay https-only.
    /// </summary>
    public bool AllowPrivateWebhookTargets { get; init; }

    /// <summary>How often a run whose database is down is tried again, and how far apart: 3 more tries over 15 minutes.</summary>
    public int DatabaseRetries { get; init; } = 3;

    public TimeSpan DatabaseRetryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows a report's chat message, e-mail and webhook carry at most; the run records the full count.</summary>
    public int MaxDeliveredRows { get; init; } = 50;

    /// <summary><c>Schedules:WebhookTimeoutSeconds</c> (default 10): how long one webhook attempt may take.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The waits between webhook attempts: one more attempt than waits (1 s, then 4 s: three attempts).</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)];

    /// <summary>Schedules one silo runs at the same time; more due at once wait in the silo's line (<c>ScheduleRunQueue</c>).</summary>
    public int RunsAtOnce { get; init; } = 16;

    /// <summary>How long a claimed run belongs to one silo; a run still Running after it is taken over (its silo died).</summary>
    public TimeSpan RunLease { get; init; } = TimeSpan.FromMinutes(5);
}
