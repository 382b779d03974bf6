using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Telegram's flood control (429) and blocked users (403) as the bot meets them inside the silo.</summary>
public sealed class TelegramRateLimitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SendMessage_AnsweredTooManyRequests_IsRetriedAfterRetryAfterAndDeliveredOnce()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var refusals = new ScriptedRefusals(chatId: 7201, status: HttpStatusCode.TooManyRequests,
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""", times: 1);
        await using var silo = await StartSiloAsync(folder, telegram, refusals);

        telegram.EnqueueUserMessage(chatId: 7201, userId: 7201, "/start");
        var reply = await telegram.WaitForSentMessageAsync(message => message.ChatId == 7201, Patience);
        await Task.Delay(500); // room for a duplicate to show up

        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
        Assert.Single(telegram.SentMessages, message => message.ChatId == 7201);
        Assert.Equal(2, refusals.Attempts);
        Assert.True(refusals.SecondTryAfter >= TimeSpan.FromSeconds(0.9), $"retried after {refusals.SecondTryAfter}, before retry_after");
    }

    [Fact]
    public async Task SendMessage_ToUserWhoBlockedTheBot_DoesNotStopTheNextUpdate()
    {
        using var folder = new TempDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var refusals = new ScriptedRefusals(chatId: 7202, status: HttpStatusCode.Forbidden,
            """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""", times: int.MaxValue);
        await using var silo = await StartSiloAsync(folder, telegram, refusals);

        telegram.EnqueueUserMessage(chatId: 7202, userId: 7202, "/start");
        telegram.EnqueueUserMessage(chatId: 7203, userId: 7203, "/start");
        var reply = await telegram.WaitForSentMessageAsync(message => message.ChatId == 7203, Patience);
        await refusals.FirstAttempt.Task.WaitAsync(Patience); // chats run side by side: the blocked one may come second

        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
        Assert.False(silo.IsStopping);
        Assert.False(silo.Bot()!.ExecuteTask!.IsCompleted, "polling should go on");
    }

    private static async Task<InProcessSilo> StartSiloAsync(TempDirectory folder, FakeTelegramServer telegram, ScriptedRefusals refusals)
    {
        var silo = await InProcessSilo.StartAsync(BotSilo.Settings(folder.Path, telegram.BaseUrl, FakeTelegramServer.DefaultToken),
            // Added after the gateway's own handlers, so it sits between the retry logic and the network.
            services => services.AddHttpClient(nameof(BotGateway)).AddHttpMessageHandler(() => refusals.NewHandler()));
        await telegram.WaitForCallAsync("getUpdates", Patience);
        return silo;
    }

    /// <summary>Answers the first <c>times</c> sendMessage calls to one chat with a Bot API error instead of passing them on.</summary>
    private sealed class ScriptedRefusals(long chatId, HttpStatusCode status, string body, int times)
    {
        private readonly ConcurrentQueue<DateTime> _attempts = new();
        private int _refused;

        public int Attempts => _attempts.Count;

        public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TimeSpan SecondTryAfter => _attempts.ToArray() is [var first, var second, ..] ? second - first : TimeSpan.Zero;

        public DelegatingHandler NewHandler() => new Handler(this);

        /// <returns>The refusal for this sendMessage body, or null to let it through.</returns>
        private HttpResponseMessage? Refuse(string requestBody)
        {
            if (!requestBody.Contains($"\"chat_id\":{chatId}", StringComparison.Ordinal)) return null;
            _attempts.Enqueue(DateTime.UtcNow);
            FirstAttempt.TrySetResult();
            if (Interlocked.Increment(ref _refused) > times) return null;
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        private sealed class Handler(ScriptedRefusals script) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var isSendMessage = request.RequestUri!.AbsolutePath.EndsWith("/sendMessage", StringComparison.OrdinalIgnoreCase) && request.Content is not null;
                return isSendMessage && script.Refuse(await request.Content!.ReadAsStringAsync(cancellationToken)) is { } refusal
                    ? refusal
                    : await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
