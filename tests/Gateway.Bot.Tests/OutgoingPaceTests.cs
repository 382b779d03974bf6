using System.Diagnostics;
using System.Net;
using System.Text;
using OrleansAssistant.Gateway.Bot.Sending;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Sends keep to Telegram's limits on their own: bursts pass, beyond them a chat waits its turn.</summary>
public sealed class OutgoingPaceTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<TimeSpan> SentAt { get; } = [];
        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (SentAt) SentAt.Add(Clock.Elapsed);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":true,\"result\":true}") });
        }
    }

    private static HttpRequestMessage Send(long chatId, string method = "sendMessage") =>
        new(HttpMethod.Post, $"https://api.telegram.org/bot1:x/{method}")
        {
            Content = new StringContent($"{{\"chat_id\":{chatId},\"text\":\"hi\",\"action\":\"typing\"}}", Encoding.UTF8, "application/json"),
        };

    [Fact]
    public async Task SendCancelledWhileWaitingForItsTurn_IsNeverSent()
    {
        using var pace = new OutgoingPace();
        var recorder = new Recorder();
        using var client = new HttpClient(new OutgoingPaceHandler(pace) { InnerHandler = recorder });
        for (var i = 0; i < 5; i++) (await client.SendAsync(Send(44))).Dispose();

        using var superseded = new CancellationTokenSource();
        var waiting = client.SendAsync(Send(44), superseded.Token);
        await superseded.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        (await client.SendAsync(Send(44))).Dispose();

        Assert.Equal(6, recorder.SentAt.Count); // the burst and the send after it; the dropped one never went
    }

    [Fact]
    public async Task Typing_HasItsOwnBudget_AndNeverTakesAMessagesTurn()
    {
        using var pace = new OutgoingPace();
        var recorder = new Recorder();
        using var client = new HttpClient(new OutgoingPaceHandler(pace) { InnerHandler = recorder });
        for (var i = 0; i < 5; i++) (await client.SendAsync(Send(45))).Dispose();

        (await client.SendAsync(Send(45, "sendChatAction"))).Dispose();
        (await client.SendAsync(Send(45))).Dispose();

        Assert.True(recorder.SentAt[5] - recorder.SentAt[4] < TimeSpan.FromMilliseconds(500), "typing waited for the message budget");
        Assert.True(recorder.SentAt[6] - recorder.SentAt[4] >= TimeSpan.FromMilliseconds(800), "the sixth message went before its turn");
    }

    [Fact]
    public async Task PrivateChat_BurstOfFivePasses_TheSixthWaitsForTheNextSecond_OtherChatsDoNot()
    {
        using var pace = new OutgoingPace();
        var recorder = new Recorder();
        using var client = new HttpClient(new OutgoingPaceHandler(pace) { InnerHandler = recorder });

        for (var i = 0; i < 6; i++) (await client.SendAsync(Send(42))).Dispose();
        (await client.SendAsync(Send(43))).Dispose();

        Assert.Equal(7, recorder.SentAt.Count);
        Assert.True(recorder.SentAt[5] - recorder.SentAt[4] >= TimeSpan.FromMilliseconds(800), $"sixth sent after {recorder.SentAt[5] - recorder.SentAt[4]}");
        Assert.True(recorder.SentAt[6] - recorder.SentAt[5] < TimeSpan.FromMilliseconds(800), "another chat does not wait for this one");
    }

    [Fact]
    public async Task OtherMethods_AreNotPaced()
    {
        using var pace = new OutgoingPace();
        var recorder = new Recorder();
        using var client = new HttpClient(new OutgoingPaceHandler(pace) { InnerHandler = recorder });

        for (var i = 0; i < 20; i++) (await client.GetAsync("https://api.telegram.org/bot1:x/getUpdates")).Dispose();

        Assert.True(recorder.SentAt[^1] < TimeSpan.FromSeconds(5));
        Assert.Equal(20, recorder.SentAt.Count);
    }
}
