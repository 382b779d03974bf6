namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>
/// The door to one username (key: <see cref="GrainKeys.DashboardLogin"/>): counts failed attempts per
/// client network and makes that network wait longer after each failure beyond
/// <see cref="DashboardLoginRules.FreeFailures"/>. Failures from one network never slow down another,
/// so a stranger cannot shut the owner out. It exists for any name typed in, so whether an account
/// exists never shows in the answer.
/// </summary>
[Alias("OrleansAssistant.IDashboardLoginGrain")]
public interface IDashboardLoginGrain : IGrainWithStringKey
{
    /// <summary>
    /// Verifies the password and, when it is right and <paramref name="clientNetwork"/> need not wait, starts a session.
    /// </summary>
    /// <param name="clientNetwork">Where the attempt comes from: an IPv4 address or an IPv6 /64, as the gateway groups them.</param>
    [Alias("Login")]
    Task<LoginResult> LoginAsync(string password, string clientNetwork);
}
