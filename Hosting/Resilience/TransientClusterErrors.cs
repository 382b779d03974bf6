using Orleans.Runtime.Messaging;

namespace OrleansAssistant.Hosting.Resilience;

/// <summary>
/// Errors that mean "part of the cluster is down or moving", not "the call is wrong": a silo died and
/// membership has not caught up yet (about 15 s), a grain could not be placed before its message expired,
/// or the gateway connection broke.
/// </summary>
public static class TransientClusterErrors
{
    public static bool IsTransient(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or ClientNotAvailableException or GatewayTooBusyException => true,
        // Orleans' response timeout: the target silo died with the call in flight. Asking is idempotent, so a retry is safe.
        TimeoutException => true,
        // Placement waited for a grain directory partition that lived on a dead silo until the message expired.
        // Orleans reports that as a cancellation no caller asked for.
        OperationCanceledException { CancellationToken.IsCancellationRequested: false } expired
            when expired.Message.StartsWith("Message expired", StringComparison.Ordinal) => true,
        AggregateException { InnerExceptions: [var inner] } => IsTransient(inner),
        _ => false,
    };
}
