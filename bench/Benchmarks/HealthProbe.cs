using System.Diagnostics;
using System.Net;

namespace OrleansAssistant.Benchmarks;

/// <summary>Polls GET /healthz until it answers 200: the moment a user or a load balancer sees the silo as ready.</summary>
internal static class HealthProbe
{
    // Short enough not to blur a start-up of a second or two.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <param name="isAlive">False once waiting is pointless (the silo process exited).</param>
    public static async Task WaitUntilHealthyAsync(Uri dashboard, CancellationToken cancellationToken, Func<bool>? isAlive = null)
    {
        // Loopback only: a proxy from the environment must not sit between the probe and the silo.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(5) };
        var begin = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(begin) < Limit)
        {
            if (isAlive?.Invoke() == false) throw new InvalidOperationException("The silo stopped before /healthz answered 200.");
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // the client's own timeout: the silo is still busy starting
            }
            await Task.Delay(Interval, cancellationToken);
        }
        throw new TimeoutException($"/healthz on {dashboard} did not answer 200 within {Limit.TotalSeconds} s.");
    }
}
