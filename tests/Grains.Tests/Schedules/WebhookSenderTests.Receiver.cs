using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>A webhook receiver on 127.0.0.1 (in-process Kestrel) that records each POST and answers with a chosen status or delay.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(byte[] Body, string? Signature, DateTimeOffset At);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    public WebhookReceiver(int status = 200, TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            _received.Enqueue(new Received(body.ToArray(), request.Headers[WebhookSignature.HeaderName], DateTimeOffset.UtcNow));
            if (delay is { } wait) await Task.Delay(wait, cancellationToken);
            return Results.StatusCode(status);
        });
    }

    public IReadOnlyList<Received> Requests => [.. _received];

    public Uri Url => new(new Uri(_app.Urls.Single()), "/hook");

    public static async Task<WebhookReceiver> StartAsync(int status = 200, TimeSpan? delay = null)
    {
        var receiver = new WebhookReceiver(status, delay);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
