using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>The webhook sender against a real receiver on 127.0.0.1.</summary>
public sealed partial class WebhookSenderTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"title":"Orders"}""");

    private static readonly ScheduleSettings Fast = ScheduleSettings.Default with
    {
        AllowPrivateWebhookTargets = true,
        WebhookTimeout = TimeSpan.FromMilliseconds(500),
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)],
    };

    private static WebhookSender Sender(ScheduleSettings settings, WebhookAddressResolver? resolver = null) =>
        new(settings, resolver ?? WebhookAddressResolver.System, TimeProvider.System, NullLogger<WebhookSender>.Instance);

    [Fact]
    public async Task AReceiverThatDoesNotAnswerInTime_IsTriedThreeTimes_ThenReportedAsTimedOut()
    {
        await using var receiver = await WebhookReceiver.StartAsync(delay: TimeSpan.FromSeconds(5));
        using var sender = Sender(Fast);

        var delivery = await sender.SendAsync(receiver.Url.ToString(), "secret", Body, CancellationToken.None);

        Assert.Equal((false, 3), (delivery.Succeeded, delivery.Attempts));
        Assert.Equal("no answer within 0.5 s", delivery.Problem);
    }

    [Fact]
    public async Task APublicLookingNameThatResolvesToLoopback_IsRefusedAtConnectTime_AndNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var resolver = new WebhookAddressResolver((_, _) => Task.FromResult(new[] { IPAddress.Loopback }));
        using var sender = Sender(Fast with { AllowPrivateWebhookTargets = false }, resolver);

        var delivery = await sender.SendAsync($"https://hooks.example.com:{receiver.Url.Port}/hook", "secret", Body, CancellationToken.None);

        Assert.Equal((false, 1), (delivery.Succeeded, delivery.Attempts));
        Assert.Contains("hooks.example.com resolves to an address schedules may not reach", delivery.Problem, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PlainHttpToAPublicHost_IsRefused_WhateverTheSetting(bool allowPrivate)
    {
        var resolver = new WebhookAddressResolver((_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.215.14") }));
        using var sender = Sender(Fast with { AllowPrivateWebhookTargets = allowPrivate }, resolver);

        var delivery = await sender.SendAsync("http://hooks.example.com/hook", "secret", Body, CancellationToken.None);

        Assert.Equal((false, 0, "refused (NotHttps)"), (delivery.Succeeded, delivery.Attempts, delivery.Problem));
    }

    [Fact]
    public async Task TheSignatureHeader_IsTimestampAndHexMac_AndVerifiesOverTheBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = Sender(Fast);

        var delivery = await sender.SendAsync(receiver.Url.ToString(), "the-secret", Body, CancellationToken.None);

        Assert.True(delivery.Succeeded);
        var received = Assert.Single(receiver.Requests);
        Assert.Matches(SignatureShape(), received.Signature);
        Assert.Equal(Body, received.Body);
        Assert.True(WebhookSignature.IsValid(received.Signature, "the-secret", received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)));
        Assert.False(WebhookSignature.IsValid(received.Signature, "another-secret", received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AClientErrorOtherThan408Or429_IsTheReceiversAnswer_AndNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(status: 404);
        using var sender = Sender(Fast);

        var delivery = await sender.SendAsync(receiver.Url.ToString(), "secret", Body, CancellationToken.None);

        Assert.Equal((false, 1, "the receiver answered HTTP 404"), (delivery.Succeeded, delivery.Attempts, delivery.Problem));
        Assert.Single(receiver.Requests);
    }

    [GeneratedRegex("^t=[0-9]+,v1=[0-9a-f]{64}$")]
    private static partial Regex SignatureShape();
}
