using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Email;

/// <summary>The dispatcher's log lines: ids, attempts and outcomes only, never bodies or passwords.</summary>
internal static partial class EmailDispatcherLog
{
    [LoggerMessage(1, LogLevel.Information, "E-mail {EmailId} of user {UserId} sent on attempt {Attempt}")]
    public static partial void Sent(ILogger logger, string emailId, long userId, int attempt);

    [LoggerMessage(2, LogLevel.Warning, "E-mail {EmailId} attempt {Attempt} failed, retrying at {NextAttemptAt:O}: {Reason}")]
    public static partial void Retrying(ILogger logger, string emailId, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(3, LogLevel.Error, "E-mail {EmailId} of user {UserId} failed for good after {Attempts} attempts: {Reason}")]
    public static partial void Failed(ILogger logger, string emailId, long userId, int attempts, string reason);

    [LoggerMessage(4, LogLevel.Error, "The e-mail outbox could not be read; trying again shortly: {Reason}")]
    public static partial void OutboxUnavailable(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "E-mail dispatcher started: {Settings}")]
    public static partial void Started(ILogger logger, EmailSettings settings);
}
