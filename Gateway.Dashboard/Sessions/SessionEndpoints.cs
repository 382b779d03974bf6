using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Security;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Sessions;

/// <summary>Login, logout and "who am I".</summary>
internal static class SessionEndpoints
{
    // Generated usernames are far shorter; the cap keeps junk out of grain keys.
    private const int MaxUsernameLength = 100;
    private const int MaxPasswordLength = 200;

    public static void MapSessionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/login", LoginAsync)
            .RequireRateLimiting(DashboardRateLimits.Login)
            .WithSummary("Log in with a dashboard username and password; returns a bearer token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/logout", LogoutAsync)
            .RequireAction(AssistantAction.DashboardLogin)
            .WithSummary("End the current session.");
        api.MapGet("/me", MeAsync)
            .RequireAction(AssistantAction.DashboardLogin)
            .WithSummary("The signed-in person and their organization.");
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, IGrainFactory grains, HttpContext context)
    {
        DashboardRequestSource.Mark();
        var username = request?.Username?.Trim() ?? "";
        var password = request?.Password ?? "";
        if (username.Length == 0) return Problems.Invalid("username", "Enter your username.");
        if (password.Length == 0) return Problems.Invalid("password", "Enter your password.");
        if (username.Length > MaxUsernameLength || password.Length > MaxPasswordLength || !username.All(IsUsernameChar))
        {
            // Same words as a wrong password: the reply never hints at which usernames exist.
            return WrongCredentials();
        }

        var result = await grains.GetGrain<IDashboardLoginGrain>(GrainKeys.DashboardLogin(username)).LoginAsync(password, ClientNetwork.Of(context.Connection.RemoteIpAddress));
        switch (result.Status)
        {
            case LoginStatus.Succeeded when result.Token is { } token && result.Session is { } session:
                return TypedResults.Ok(new LoginResponse(token, session.Username, session.Principal.UserId,
                    session.Principal.OrgId, session.Principal.Role, session.ExpiresAt));
            case LoginStatus.Throttled:
                var wait = result.RetryAfter ?? DashboardLoginRules.MaxDelay;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    title: $"Too many failed logins for this username. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            default:
                return WrongCredentials();
        }
    }

    private static async Task<NoContent> LogoutAsync(DashboardCaller caller, IGrainFactory grains)
    {
        await grains.GetGrain<IDashboardSessionGrain>(GrainKeys.DashboardSession(caller.Token)).EndAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> MeAsync(DashboardCaller caller, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetInfoAsync();
        var organization = await grains.GetGrain<IOrganizationGrain>(caller.OrgId).GetInfoAsync();
        return TypedResults.Ok(new MeResponse(caller.Session.Username, caller.UserId, PersonName.Of(user, caller.UserId),
            caller.OrgId, organization?.Name ?? caller.OrgId, caller.Principal.Role, caller.Principal.IsAdmin, caller.Session.ExpiresAt));
    }

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(title: "Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized);

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}

public sealed record LoginRequest(string? Username, string? Password)
{
    public override string ToString() => $"LoginRequest {{ Username = {Username}, Password = *** }}";
}

public sealed record LoginResponse(string Token, string Username, long UserId, string? OrgId, UserRole Role, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"LoginResponse {{ Username = {Username}, Token = *** }}";
}

public sealed record MeResponse(string Username, long UserId, string DisplayName, string OrgId, string OrgName, UserRole Role, bool IsAdmin, DateTimeOffset ExpiresAt);
