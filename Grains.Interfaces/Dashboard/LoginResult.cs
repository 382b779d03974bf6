namespace OrleansAssistant.Grains.Interfaces.Dashboard;

[GenerateSerializer, Alias("OrleansAssistant.LoginStatus")]
public enum LoginStatus
{
    Succeeded = 0,
    /// <summary>Wrong username or password (never said which).</summary>
    Refused = 1,
    /// <summary>Too many failures for this username from the caller's network; <see cref="LoginResult.RetryAfter"/> says how long to wait.</summary>
    Throttled = 2,
}

/// <summary>
/// Outcome of a login. On success <see cref="Token"/> is the session's bearer token: it exists only
/// here and in the browser; the cluster keeps its SHA-256.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.LoginResult")]
public sealed record LoginResult(
    [property: Id(0)] LoginStatus Status,
    [property: Id(1)] string? Token = null,
    [property: Id(2)] DashboardSessionInfo? Session = null,
    [property: Id(3)] TimeSpan? RetryAfter = null)
{
    public override string ToString() => $"LoginResult {{ Status = {Status}, Session = {Session}, RetryAfter = {RetryAfter} }}";
}
