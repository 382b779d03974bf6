namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>The limits of dashboard logins and sessions, shared by the grains and the gateway.</summary>
public static class DashboardLoginRules
{
    public const int MaxFailedAttempts = 5;

    public static TimeSpan LockoutDuration { get; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this long without a request.</summary>
    public static TimeSpan SessionIdleTimeout { get; } = TimeSpan.FromHours(24);
}
