namespace OrleansAssistant.Grains.Interfaces;

/// <summary>
/// String grain keys carry a non-hex prefix: ADO.NET storage reads a hex-looking string key as an
/// integer, so a code like "abc123def456" would collide with other keys.
/// </summary>
public static class GrainKeys
{
    public static string Invitation(string code) => $"inv_{code}";

    public static string DashboardAccount(string username) => $"acct_{username}";

    /// <summary>Login attempts are counted per username as typed, case-folded and trimmed.</summary>
    public static string DashboardLogin(string username) => $"login_{username.Trim().ToLowerInvariant()}";

    /// <summary>A session is addressed by the SHA-256 of its bearer token, so storage never holds a usable token.</summary>
    public static string DashboardSession(string token) =>
        $"sess_{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))}";
}
