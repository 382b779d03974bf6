using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.Grains.Tests.Llm;

public sealed partial class ModelClientTests
{
    [Fact]
    public async Task TooManyRequests_WithRetryAfter_WaitsAndSucceeds()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueError(429, retryAfter: TimeSpan.FromSeconds(1));
        harness.Server.EnqueueText("Calm.", 10, 2);
        var clock = Stopwatch.StartNew();

        var reply = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal("Calm.", reply.Value);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"Retry-After was not honoured: retried after {clock.Elapsed}.");
    }

    [Fact]
    public async Task ServerError_ThreeTimes_ThrowsUnavailableAfterThreeRequests()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        for (var i = 0; i < 3; i++) harness.Server.EnqueueError(500);
        harness.Server.EnqueueText("never reached", 1, 1);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None));

        Assert.Equal("The assistant's model is not answering right now; please try again in a minute.", error.UserMessage);
        Assert.Equal(3, harness.Server.Requests.Count);
        // Every attempt carried the whole request, not an emptied body.
        Assert.All(harness.Server.Requests, request => Assert.Equal("answer-model", request.Model));
    }

    [Fact]
    public async Task ServerError_ThenSuccess_RetriesTransparently()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueError(503);
        harness.Server.EnqueueJson(new Verdict(Mood.Calm, "Flat.", 1), 5, 5);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(Mood.Calm, reply.Value?.Mood);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_ThrowsUnavailableMentioningKey_WithoutRetry()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueError(401);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None));

        Assert.Contains("key", error.UserMessage, StringComparison.Ordinal);
        Assert.Contains("GEMINI_API_KEY", error.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelClientHarness.ApiKey, error.UserMessage + error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Forbidden_ThrowsUnavailableMentioningKey()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueError(403);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.KeyRejectedMessage, error.UserMessage);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SlowerThanTimeout_ThrowsUnavailable()
    {
        // Limits well above a cold start's JIT pauses on a small machine, delays far above the limits.
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { RequestTimeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 });
        harness.Server.EnqueueDelay(TimeSpan.FromSeconds(30));
        harness.Server.EnqueueDelay(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.NotAnsweringMessage, error.UserMessage);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The timeout did not cut the call short: {clock.Elapsed}.");
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SlowFirstAttempt_IsAbandonedAndRetried()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { RequestTimeout = TimeSpan.FromSeconds(2) });
        harness.Server.EnqueueDelay(TimeSpan.FromSeconds(30));
        harness.Server.EnqueueText("Calm.", 3, 1);

        var reply = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal("Calm.", reply.Value);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ConnectionRefused_ThrowsUnavailable()
    {
        var closedPort = ClosedPort();
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { BaseUrl = new Uri($"http://127.0.0.1:{closedPort}/v1beta/openai/") });

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.NotAnsweringMessage, error.UserMessage);
    }

    [Fact]
    public async Task NotConfigured_ThrowsNotConfigured_AndSendsNothing()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { ApiKey = null });

        var error = await Assert.ThrowsAsync<ModelNotConfiguredException>(
            () => harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None));

        Assert.Equal("The assistant's model is not configured; the operator must set GEMINI_API_KEY.", error.UserMessage);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task CallerCancels_ThrowsOperationCanceled_NotUnavailable()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueDelay(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, cancel.Token));
    }

    // A port that was just bound and released: nothing listens there, so connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
