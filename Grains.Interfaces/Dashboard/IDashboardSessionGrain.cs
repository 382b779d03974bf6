namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>
/// One dashboard session (key: <see cref="GrainKeys.DashboardSession"/> of the bearer token, i.e. its
/// SHA-256; the token itself is never stored).
/// </summary>
[Alias("OrleansAssistant.IDashboardSessionGrain")]
public interface IDashboardSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the session for a verified account; called by the login grain only.</summary>
    [Alias("Start")]
    Task<DashboardSessionInfo?> StartAsync(DashboardAccountInfo account);

    /// <summary>
    /// Checks the session and counts this request as activity. Null when it does not exist, has been
    /// idle for <see cref="DashboardLoginRules.SessionIdleTimeout"/>, its account was disabled or its
    /// credentials reset, or its user has left the organization; such a session is ended.
    /// </summary>
    [Alias("Resume")]
    Task<DashboardSessionInfo?> ResumeAsync();

    /// <summary>Ends the session (logout); idempotent.</summary>
    [Alias("End")]
    Task EndAsync();
}
