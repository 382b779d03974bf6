using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Gateway.Dashboard.Sessions;

/// <summary>
/// Runs before every API handler: finds the session of the bearer token (401 without one), reads the
/// caller's current rights from the cluster and asks the one authorization policy whether they may do
/// the endpoint's action (403 when not).
/// </summary>
internal sealed class CallerFilter(IGrainFactory grains, AssistantAction action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        DashboardRequestSource.Mark();
        var token = BearerToken.From(http.Request);
        var session = token is null ? null : await grains.GetGrain<IDashboardSessionGrain>(GrainKeys.DashboardSession(token)).ResumeAsync();
        if (token is null || session is null)
        {
            return Problems.Unauthorized();
        }
        var decision = AuthorizationPolicy.Instance.Check(session.Principal, action);
        if (!decision.Allowed)
        {
            return Problems.Forbidden(decision.Reason);
        }
        DashboardCaller.Attach(http, token, session);
        return await next(context);
    }
}

internal static class CallerFilterExtensions
{
    /// <summary>Only a signed-in person whom the policy allows <paramref name="action"/> reaches this endpoint.</summary>
    public static RouteHandlerBuilder RequireAction(this RouteHandlerBuilder endpoint, AssistantAction action) =>
        endpoint
            .AddEndpointFilterFactory((factory, next) =>
            {
                var filter = new CallerFilter(factory.ApplicationServices.GetRequiredService<IGrainFactory>(), action);
                return invocation => filter.InvokeAsync(invocation, next);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new RequiredActionMetadata(action));
}

/// <summary>Names the action an endpoint needs, for the OpenAPI document and for tests that list endpoints.</summary>
public sealed record RequiredActionMetadata(AssistantAction Action);
