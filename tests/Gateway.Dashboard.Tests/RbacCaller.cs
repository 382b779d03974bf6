namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Who calls an endpoint in the access table of docs/dashboard-api.md.</summary>
public enum RbacCaller
{
    Anonymous,
    GarbageToken,
    Member,
    Owner,
    /// <summary>The owner of organization B, naming organization A's ids where the endpoint takes one.</summary>
    OtherOwner,
}

/// <summary>Which callers an endpoint admits.</summary>
public enum RbacAccess
{
    /// <summary>Login: anyone, judged by the body.</summary>
    Login,
    /// <summary>Any signed-in person.</summary>
    SignedIn,
    OwnerOnly,
}
