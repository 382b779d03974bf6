using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>Dashboard account events: usernames, ids and outcomes only, never passwords or hashes.</summary>
internal static partial class DashboardAccountLog
{
    [LoggerMessage(1, LogLevel.Information, "Dashboard account {Username} created for user {UserId} in organization {OrgId}")]
    public static partial void Created(this ILogger logger, string username, long userId, string orgId);

    [LoggerMessage(2, LogLevel.Information, "Dashboard account {Username} enabled again with new credentials (version {CredentialsVersion})")]
    public static partial void Reenabled(this ILogger logger, string username, int credentialsVersion);

    [LoggerMessage(3, LogLevel.Warning, "Dashboard account {Username} belongs to another user; refused it to user {UserId}")]
    public static partial void CreateRefused(this ILogger logger, string username, long userId);

    [LoggerMessage(4, LogLevel.Debug, "Dashboard login succeeded for {Username}")]
    public static partial void VerifySucceeded(this ILogger logger, string username);

    [LoggerMessage(5, LogLevel.Information, "Dashboard login failed for {Username}")]
    public static partial void VerifyFailed(this ILogger logger, string username);

    [LoggerMessage(6, LogLevel.Information, "Dashboard account {Username} password hash upgraded to {Iterations} iterations")]
    public static partial void Rehashed(this ILogger logger, string username, int iterations);

    [LoggerMessage(7, LogLevel.Information, "Dashboard account {Username} credentials reset (version {CredentialsVersion})")]
    public static partial void CredentialsReset(this ILogger logger, string username, int credentialsVersion);

    [LoggerMessage(8, LogLevel.Information, "Dashboard account {Username} credentials reset refused: the account is missing or disabled")]
    public static partial void ResetRefused(this ILogger logger, string username);

    [LoggerMessage(9, LogLevel.Information, "Dashboard account {Username} disabled (version {CredentialsVersion})")]
    public static partial void Disabled(this ILogger logger, string username, int credentialsVersion);
}
