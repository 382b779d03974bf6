using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>
/// Honours Telegram's flood control: a 429 is retried after the <c>parameters.retry_after</c> seconds it names,
/// at most <see cref="MaxTries"/> tries and <see cref="MaxTotalWait"/> of waiting; beyond that the 429 goes to the caller.
/// </summary>
internal sealed partial class TooManyRequestsRetry(TimeProvider time, ILogger<TooManyRequestsRetry> logger) : DelegatingHandler
{
    public const int MaxTries = 3;
    public static readonly TimeSpan MaxTotalWait = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same body again, so it must not be a one-shot stream.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxTries) return response;
            var delay = await RetryAfterAsync(response, cancellationToken);
            if (delay is not { } wait || waited + wait > MaxTotalWait) return response;
            LogWaiting(logger, request.RequestUri?.Segments[^1] ?? "?", wait.TotalSeconds, attempt);
            response.Dispose();
            await Task.Delay(wait, time, cancellationToken);
            waited += wait;
        }
    }

    private static async Task<TimeSpan?> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Buffered, so the caller can still read the body when the 429 is handed on.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("parameters", out var parameters)
                && parameters.TryGetProperty("retry_after", out var seconds) && seconds.TryGetInt32(out var value) && value >= 0
                ? TimeSpan.FromSeconds(value)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Telegram flood control on {Method}: retrying in {DelaySeconds} s (try {Attempt} of 3)")]
    private static partial void LogWaiting(ILogger logger, string method, double delaySeconds, int attempt);
}
