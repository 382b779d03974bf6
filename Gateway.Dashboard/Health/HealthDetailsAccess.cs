using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansAssistant.Gateway.Dashboard.Health;

/// <summary>
/// Who may see /healthz in detail (check names, descriptions, file paths): requests from this machine, and
/// requests carrying <c>Health:DetailsToken</c> in <see cref="TokenHeader"/>. Everyone else gets the status only.
/// </summary>
internal static class HealthDetailsAccess
{
    public const string TokenHeader = "X-Health-Token";

    public static bool Allows(HttpContext context)
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        // Behind a reverse proxy on the same machine every request looks local; such installations turn this off.
        var localDetails = configuration.GetValue("Health:LocalDetails", defaultValue: true);
        if (localDetails && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)) return true;
        var token = configuration["Health:DetailsToken"];
        if (string.IsNullOrEmpty(token) || !context.Request.Headers.TryGetValue(TokenHeader, out var given)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(token));
    }
}
