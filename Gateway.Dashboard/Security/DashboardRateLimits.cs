using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansAssistant.Gateway.Dashboard.Security;

/// <summary>
/// Per-network limits (<see cref="ClientNetwork"/>) with ASP.NET Core's rate limiter: a tight one on login
/// (password guessing from one network across many usernames, which the per-username throttle cannot see)
/// and a loose one on the API.
/// </summary>
internal static class DashboardRateLimits
{
    public const string Login = "dashboard-login";
    public const string Api = "dashboard-api";

    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services, DashboardSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Login, context => PerNetwork(context, settings.LoginRequestsPerMinute));
            options.AddPolicy(Api, context => PerNetwork(context, settings.RequestsPerMinute));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await TypedResults.Problem(title: "Too many requests from your address. Please wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });

    private static RateLimitPartition<string> PerNetwork(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientNetwork.Of(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
