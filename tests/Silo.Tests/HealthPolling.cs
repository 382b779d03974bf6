using System.Net;

namespace OrleansAssistant.Silo.Tests;

internal static class HealthPolling
{
    /// <summary>Polls <c>/healthz</c> until it answers 200 and returns the body; fails if the process exits or time runs out.</summary>
    public static async Task<string> WaitForOkAsync(HttpClient http, DotnetRunProcess process, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The process exited early:\n{process.Output}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadAsStringAsync();
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"/healthz did not answer 200 within {limit.TotalSeconds} s. Output:\n{process.Output}");
    }
}
