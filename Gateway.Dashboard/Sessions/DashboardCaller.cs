using Microsoft.AspNetCore.Http;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Sessions;

/// <summary>
/// The signed-in person behind a request, with their rights as they are now. Handlers take it as a
/// parameter. Parameters are bound before endpoint filters run, so it reads what
/// <see cref="CallerFilter"/> found only when the handler asks, after the filter has authenticated
/// and authorized the request.
/// </summary>
internal sealed class DashboardCaller
{
    private const string ItemKey = "OrleansAssistant.DashboardCaller";

    private readonly HttpContext _context;

    private DashboardCaller(HttpContext context) => _context = context;

    public string Token => Current.Token;

    public DashboardSessionInfo Session => Current.Session;

    public Principal Principal => Session.Principal;

    public long UserId => Principal.UserId;

    /// <summary>Every dashboard session belongs to an organization (the session grain ends it otherwise).</summary>
    public string OrgId => Principal.OrgId ?? throw new InvalidOperationException("A dashboard session without an organization.");

    /// <summary>
    /// Whether the caller may do <paramref name="action"/> to a thing of the organization
    /// <paramref name="resourceOrgId"/>: the policy's answer, which is no for any other organization.
    /// </summary>
    public bool MayTouch(AssistantAction action, string resourceOrgId) =>
        AuthorizationPolicy.Instance.Check(Principal, action, ResourceScope.ForOrganization(resourceOrgId)).Allowed;

    private Authenticated Current => _context.Items[ItemKey] as Authenticated
        ?? throw new InvalidOperationException($"{_context.Request.Path} takes a {nameof(DashboardCaller)} but has no RequireAction.");

    public static void Attach(HttpContext context, string token, DashboardSessionInfo session) =>
        context.Items[ItemKey] = new Authenticated(token, session);

    /// <summary>Minimal APIs bind a handler parameter of this type through this method.</summary>
    public static ValueTask<DashboardCaller?> BindAsync(HttpContext context) => ValueTask.FromResult<DashboardCaller?>(new DashboardCaller(context));

    private sealed record Authenticated(string Token, DashboardSessionInfo Session);
}
