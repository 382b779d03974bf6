using System.Text;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>A receiver can check that a post came from the schedule it set up, unchanged and recent.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"schedule":"Weekly sales","rows":[["North",120]]}""");

    [Fact]
    public void ASignedBody_IsValid_WithTheSameSecret()
    {
        var secret = WebhookSignature.NewSecret();

        var header = WebhookSignature.HeaderValue(secret, SentAt, Body);

        Assert.Matches("^t=1796634000,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.IsValid(header, secret, Body, SentAt.AddSeconds(30), Tolerance));
    }

    [Fact]
    public void TheSignature_IsHmacSha256OverTimeDotBody()
    {
        var header = WebhookSignature.HeaderValue("key", SentAt, "body"u8);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "1796634000.body"u8));
        Assert.Equal($"t=1796634000,v1={expected}", header);
    }

    [Fact]
    public void AChangedBody_AnotherSecret_OrAnOldSignature_IsNotValid()
    {
        var secret = WebhookSignature.NewSecret();
        var header = WebhookSignature.HeaderValue(secret, SentAt, Body);
        var changed = Encoding.UTF8.GetBytes("""{"schedule":"Weekly sales","rows":[["North",999]]}""");

        Assert.False(WebhookSignature.IsValid(header, secret, changed, SentAt, Tolerance));
        Assert.False(WebhookSignature.IsValid(header, WebhookSignature.NewSecret(), Body, SentAt, Tolerance));
        Assert.False(WebhookSignature.IsValid(header, secret, Body, SentAt.AddMinutes(6), Tolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=now,v1=00")]
    [InlineData("t=1796634000,v1=zz")]
    [InlineData("t=1796634000,v1=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void MalformedHeaders_AreNotValid(string? header) =>
        Assert.False(WebhookSignature.IsValid(header, "key", Body, SentAt, Tolerance));

    [Fact]
    public void Secrets_AreLongRandomAndUrlSafe()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => WebhookSignature.NewSecret()).ToList();

        Assert.Equal(50, secrets.Distinct().Count());
        Assert.All(secrets, secret => Assert.Matches("^[A-Za-z0-9_-]{43}$", secret));
    }
}
