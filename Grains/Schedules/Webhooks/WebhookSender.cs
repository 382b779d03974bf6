using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>
/// Posts a run's JSON to its webhook, signed with the schedule's secret: <see cref="ScheduleSettings.WebhookTimeout"/> per attempt,
/// retried after <see cref="ScheduleSettings.WebhookRetryDelays"/>; a 4xx other than 408/429 (or a redirect, never followed) is the
/// receiver's answer and not retried.
/// The address a name resolves to is judged again when connecting, since its DNS answer may have changed since the URL was checked.
/// </summary>
public sealed partial class WebhookSender : IDisposable
{
    private readonly ScheduleSettings _settings;
    private readonly WebhookAddressResolver _resolver;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WebhookSender> _logger;
    private readonly HttpClient _http;

    public WebhookSender(ScheduleSettings settings, WebhookAddressResolver resolver, TimeProvider timeProvider, ILogger<WebhookSender> logger)
    {
        _settings = settings;
        _resolver = resolver;
        _timeProvider = timeProvider;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            // A redirect would lead to an address nobody checked, and a proxy would be connected to instead of the receiver.
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<WebhookDelivery> SendAsync(string url, string secret, byte[] body, CancellationToken cancellationToken)
    {
        var problem = WebhookTarget.Check(url, _settings.AllowPrivateWebhookTargets);
        if (problem != WebhookProblem.None) return new WebhookDelivery(false, 0, $"refused ({problem})");
        var uri = new Uri(url.Trim());
        var attempts = _settings.WebhookRetryDelays.Count + 1;
        for (var attempt = 1; ; attempt++)
        {
            var (succeeded, retryable, error) = await AttemptAsync(uri, secret, body, cancellationToken);
            if (succeeded) return new WebhookDelivery(true, attempt);
            LogAttemptFailed(_logger, uri.Host, attempt, error);
            if (!retryable || attempt == attempts) return new WebhookDelivery(false, attempt, error);
            await Task.Delay(_settings.WebhookRetryDelays[attempt - 1], _timeProvider, cancellationToken);
        }
    }

    private async Task<(bool Succeeded, bool Retryable, string Error)> AttemptAsync(Uri uri, string secret, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.WebhookTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.HeaderValue(secret, _timeProvider.GetUtcNow(), body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return (true, false, "");
            var retryable = status is >= 500 or 408 or 429;
            return (false, retryable, $"the receiver answered HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, true, $"no answer within {_settings.WebhookTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException error) when (error.InnerException is WebhookAddressRefusedException refused)
        {
            return (false, false, refused.Message);
        }
        catch (HttpRequestException error)
        {
            return (false, true, $"could not connect ({error.HttpRequestError})");
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await _resolver.ResolveAsync(host, cancellationToken);
        var plainHttp = context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp;
        // Every address must pass: a name that also resolves inside the network could be steered there.
        if (addresses.Length == 0 || !addresses.All(address => IsPermitted(address, plainHttp))) throw new WebhookAddressRefusedException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Internal addresses only when the installation allows them; plain http only to them, never to a public host.</summary>
    private bool IsPermitted(IPAddress address, bool plainHttp) =>
        InternalAddresses.Contains(address) ? _settings.AllowPrivateWebhookTargets : !plainHttp;

    public void Dispose() => _http.Dispose();

    [LoggerMessage(1, LogLevel.Warning, "Webhook to {Host}: attempt {Attempt} failed: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string host, int attempt, string error);
}
