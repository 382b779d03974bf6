using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>
/// One dashboard login (key: <see cref="GrainKeys.DashboardAccount"/> of the username). Stores only a
/// PBKDF2 hash; the plain password leaves the grain once, in the result of create or reset.
/// </summary>
[Alias("OrleansAssistant.IDashboardAccountGrain")]
public interface IDashboardAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account with a fresh random password. For the same user and organization it is
    /// idempotent in effect: the account is (re-)enabled with a new password, which is returned.
    /// </summary>
    /// <returns>Null when the username belongs to someone else.</returns>
    [Alias("Create")]
    Task<DashboardCredentials?> CreateAsync(long userId, string orgId, UserRole role);

    /// <summary>Checks a password in constant time; a disabled or unknown account never verifies.</summary>
    /// <returns>The account when the password is right, otherwise null.</returns>
    [Alias("Verify")]
    Task<DashboardAccountInfo?> VerifyAsync(string password);

    /// <summary>New password; sessions made with the old credentials end (the version rises).</summary>
    /// <returns>Null when the account does not exist or is disabled.</returns>
    [Alias("ResetCredentials")]
    Task<DashboardCredentials?> ResetCredentialsAsync();

    /// <summary>Turns the login off for good (member removed); idempotent.</summary>
    [Alias("Disable")]
    Task DisableAsync();

    /// <returns>Null when the account does not exist.</returns>
    [Alias("GetInfo")]
    Task<DashboardAccountInfo?> GetInfoAsync();
}
