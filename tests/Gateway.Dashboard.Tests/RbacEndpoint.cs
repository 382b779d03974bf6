namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The request one caller sends, and for id-taking endpoints a check that the named thing of organization A is untouched.</summary>
public sealed record RbacRequest(string Path, object? Body = null, Func<Task<bool>>? TargetUntouched = null);

/// <summary>One row of the access table: an endpoint, who may call it and what it answers them.</summary>
/// <param name="Request">Builds the request for the caller; id-taking endpoints make a fresh target in organization A.</param>
/// <param name="NamesIds">True when the request names ids of organization A, so the other owner gets 404.</param>
public sealed record RbacEndpoint(
    string Name,
    HttpMethod Method,
    RbacAccess Access,
    int AllowedStatus,
    Func<RbacFixture, RbacCaller, Task<RbacRequest>> Request,
    bool NamesIds = false)
{
    public int ExpectedStatus(RbacCaller caller) => (Access, caller) switch
    {
        (RbacAccess.Login, RbacCaller.Anonymous or RbacCaller.GarbageToken) => 401,
        (RbacAccess.Login, _) => AllowedStatus,
        (_, RbacCaller.Anonymous or RbacCaller.GarbageToken) => 401,
        (RbacAccess.OwnerOnly, RbacCaller.Member) => 403,
        (_, RbacCaller.OtherOwner) when NamesIds => 404,
        _ => AllowedStatus,
    };
}
