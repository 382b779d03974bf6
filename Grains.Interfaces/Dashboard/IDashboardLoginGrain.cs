namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>
/// The door to one username (key: <see cref="GrainKeys.DashboardLogin"/>): counts failed attempts and
/// locks the username for <see cref="DashboardLoginRules.LockoutDuration"/> after
/// <see cref="DashboardLoginRules.MaxFailedAttempts"/> failures in a row. It exists for any name typed
/// in, so whether an account exists never shows in the answer.
/// </summary>
[Alias("OrleansAssistant.IDashboardLoginGrain")]
public interface IDashboardLoginGrain : IGrainWithStringKey
{
    /// <summary>Verifies the password and, when it is right and the username not locked, starts a session.</summary>
    [Alias("Login")]
    Task<LoginResult> LoginAsync(string password);
}
