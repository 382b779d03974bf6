using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>Dashboard login and session events: usernames, ids and outcomes only, never passwords or tokens.</summary>
internal static partial class DashboardLoginLog
{
    [LoggerMessage(1, LogLevel.Information, "Dashboard login for {Username} from {Network} refused ({FailedAttempts} failures in a row)")]
    public static partial void LoginRefused(this ILogger logger, string username, string network, int failedAttempts);

    [LoggerMessage(2, LogLevel.Warning, "Dashboard login for {Username} from {Network} must wait {DelaySeconds} s after {FailedAttempts} failures in a row")]
    public static partial void LoginThrottled(this ILogger logger, string username, string network, int failedAttempts, double delaySeconds);

    [LoggerMessage(3, LogLevel.Information, "Dashboard login for {Username} from {Network} refused without a check: the network must still wait")]
    public static partial void LoginWhileThrottled(this ILogger logger, string username, string network);

    [LoggerMessage(4, LogLevel.Information, "Dashboard session started for {Username} (user {UserId}, organization {OrgId})")]
    public static partial void SessionStarted(this ILogger logger, string username, long userId, string orgId);

    [LoggerMessage(5, LogLevel.Information, "Dashboard login for {Username} refused: user {UserId} no longer belongs to organization {OrgId}")]
    public static partial void SessionRefused(this ILogger logger, string username, long userId, string orgId);

    [LoggerMessage(6, LogLevel.Information, "Dashboard session of {Username} ended: {Reason}")]
    public static partial void SessionEnded(this ILogger logger, string username, string reason);
}
