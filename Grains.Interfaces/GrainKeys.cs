namespace OrleansAssistant.Grains.Interfaces;

/// <summary>
/// String grain keys carry a non-hex prefix: ADO.NET storage reads a hex-looking string key as an
/// integer, so a code like "abc123def456" would collide with other keys.
/// </summary>
public static class GrainKeys
{
    public static string Invitation(string code) => $"inv_{code}";

    public static string DashboardAccount(string username) => $"acct_{username}";
}
