using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The dashboard over real HTTP, signed in as one person; any answer but 200 stops the run.</summary>
internal sealed class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    private DashboardClient(HttpClient http) => _http = http;

    public static async Task<DashboardClient> LogInAsync(Uri dashboard, DashboardCredentials credentials, CancellationToken cancellationToken)
    {
        // Loopback only: a proxy from the environment must not sit between the client and the silo.
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = dashboard, Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            using var response = await http.PostAsJsonAsync(CostPaths.Login, new LoginBody(credentials.Username, credentials.Password), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"POST {CostPaths.Login} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            var session = await response.Content.ReadFromJsonAsync<LoginAnswer>(cancellationToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session?.Token ?? throw new InvalidOperationException("The login answer has no token."));
            return new DashboardClient(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and reads the whole body, as a browser must before it can show anything.</summary>
    public async Task<string> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        // A refused request is fast, so its timing would flatter the figures.
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public void Dispose() => _http.Dispose();

    private sealed record LoginBody(string Username, string Password);

    private sealed record LoginAnswer(string? Token);
}
