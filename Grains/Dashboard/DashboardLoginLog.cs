using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>Dashboard login and session events: usernames, ids and outcomes only, never passwords or tokens.</summary>
internal static partial class DashboardLoginLog
{
    [LoggerMessage(1, LogLevel.Information, "Dashboard login for {Username} refused ({FailedAttempts} failures in a row)")]
    public static partial void LoginRefused(this ILogger logger, string username, int failedAttempts);

    [LoggerMessage(2, LogLevel.Warning, "Dashboard username {Username} locked for {LockoutMinutes} minutes after {FailedAttempts} failed logins")]
    public static partial void LockedOut(this ILogger logger, string username, double lockoutMinutes, int failedAttempts);

    [LoggerMessage(3, LogLevel.Information, "Dashboard login for {Username} refused without a check: the username is locked")]
    public static partial void LoginWhileLocked(this ILogger logger, string username);

    [LoggerMessage(4, LogLevel.Information, "Dashboard session started for {Username} (user {UserId}, organization {OrgId})")]
    public static partial void SessionStarted(this ILogger logger, string username, long userId, string orgId);

    [LoggerMessage(5, LogLevel.Information, "Dashboard login for {Username} refused: user {UserId} no longer belongs to organization {OrgId}")]
    public static partial void SessionRefused(this ILogger logger, string username, long userId, string orgId);

    [LoggerMessage(6, LogLevel.Information, "Dashboard session of {Username} ended: {Reason}")]
    public static partial void SessionEnded(this ILogger logger, string username, string reason);
}
