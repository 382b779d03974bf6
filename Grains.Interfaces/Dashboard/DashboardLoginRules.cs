namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>The limits of dashboard logins and sessions, shared by the grains and the gateway.</summary>
public static class DashboardLoginRules
{
    /// <summary>Failures from one network that cost nothing; each one after them makes that network wait.</summary>
    public const int FreeFailures = 3;

    /// <summary>The wait after the first failure beyond <see cref="FreeFailures"/>; it doubles with each further one.</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Failures further apart than this are not "in a row": a typo a day never adds up to a wait.</summary>
    public static TimeSpan ForgetFailuresAfter { get; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a network must wait after its <paramref name="failures"/>-th failure in a row.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures <= FreeFailures) return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures - 1, 16);
        var delay = FirstDelay * (1L << doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>A session ends after this long without a request.</summary>
    public static TimeSpan SessionIdleTimeout { get; } = TimeSpan.FromHours(24);
}
