using Orleans.Runtime.Messaging;

namespace OrleansAssistant.Hosting;

/// <summary>
/// Errors that mean "part of the cluster is down or moving", not "the call is wrong": a silo died and
/// membership has not caught up yet (about 15 s), or the gateway connection broke.
/// </summary>
public static class TransientClusterErrors
{
    public static bool IsTransient(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or ClientNotAvailableException or GatewayTooBusyException => true,
        // Orleans' response timeout: the target silo died with the call in flight. Asking is idempotent, so a retry is safe.
        TimeoutException => true,
        AggregateException { InnerExceptions: [var inner] } => IsTransient(inner),
        _ => false,
    };
}
