using System.Net;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>Where a schedule may post its results: public https only, unless the operator allows internal targets.</summary>
public sealed class WebhookTargetTests
{
    [Theory]
    [InlineData("https://hooks.example.com/orders")]
    [InlineData("https://hooks.example.com:8443/a/b?c=d")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")]
    public void PublicHttps_IsAccepted(string url) => Assert.Equal(WebhookProblem.None, WebhookTarget.Check(url, allowPrivate: false));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.example.com/orders")]
    [InlineData("ftp://hooks.example.com/orders")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@hooks.example.com/")]
    [InlineData("javascript:alert(1)")]
    public void NoHttpUrl_IsMalformed(string? url) => Assert.Equal(WebhookProblem.Malformed, WebhookTarget.Check(url, allowPrivate: false));

    [Fact]
    public void AnOverlongUrl_IsMalformed() =>
        Assert.Equal(WebhookProblem.Malformed, WebhookTarget.Check("https://hooks.example.com/" + new string('a', 2_000), allowPrivate: false));

    [Fact]
    public void PlainHttp_IsRefused() => Assert.Equal(WebhookProblem.NotHttps, WebhookTarget.Check("http://hooks.example.com/", allowPrivate: false));

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST:5000/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://printer.local/hook")]
    [InlineData("https://metadata.google.internal/computeMetadata")]
    [InlineData("https://intranet/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://172.31.255.255/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://[64:ff9b::a00:1]/hook")]
    public void InternalTargets_AreRefused(string url) => Assert.Equal(WebhookProblem.PrivateAddress, WebhookTarget.Check(url, allowPrivate: false));

    [Theory]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://100.128.0.1/hook")]
    [InlineData("https://11.0.0.1/hook")]
    public void NeighboursOfInternalRanges_ArePublic(string url) => Assert.Equal(WebhookProblem.None, WebhookTarget.Check(url, allowPrivate: false));

    [Theory]
    [InlineData("http://127.0.0.1:5050/hook")]
    [InlineData("https://localhost/hook")]
    public void AllowPrivateTargets_LetsTestAndOnPremisesReceiversThrough(string url) =>
        Assert.Equal(WebhookProblem.None, WebhookTarget.Check(url, allowPrivate: true));

    [Theory]
    [InlineData("http://hooks.example.com/hook")]
    [InlineData("http://8.8.8.8/hook")]
    public void AllowPrivateTargets_StillRefusesPlainHttpToPublicHosts(string url) =>
        Assert.Equal(WebhookProblem.NotHttps, WebhookTarget.Check(url, allowPrivate: true));

    [Fact]
    public void AllowPrivateTargets_StillRefusesWhatIsNoHttpUrl() =>
        Assert.Equal(WebhookProblem.Malformed, WebhookTarget.Check("file:///etc/passwd", allowPrivate: true));

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("198.18.0.1", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("ff02::1", true)]
    public void InternalAddresses_CoverTheReservedRanges(string address, bool isInternal) =>
        Assert.Equal(isInternal, InternalAddresses.Contains(IPAddress.Parse(address)));
}
