using System.Text.Json;
using System.Threading.RateLimiting;

namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>
/// Keeps sends within Telegram's published limits before it has to say 429: about 30 messages a second
/// overall, about one a second in a private chat (short bursts allowed), 20 a minute in a group.
/// Sends wait their turn rather than fail; other methods (getUpdates, answers to button presses) pass freely.
/// </summary>
public sealed class OutgoingPace : IDisposable
{
    private static readonly string[] PacedMethods = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendChatAction", "deleteMessage"];

    private readonly RateLimiter _overall = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 30, TokensPerPeriod = 30, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 10_000,
    });

    private readonly PartitionedRateLimiter<long> _perChat = PartitionedRateLimiter.Create<long, long>(chatId => chatId < 0
        ? RateLimitPartition.GetTokenBucketLimiter(chatId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 20, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 1_000,
        })
        : RateLimitPartition.GetTokenBucketLimiter(chatId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 5, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 1_000,
        }));

    /// <summary>Waits until <paramref name="request"/> may go; the returned leases are released after it went.</summary>
    public async Task<IDisposable> WaitTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments[^1];
        if (method is null || !PacedMethods.Contains(method, StringComparer.OrdinalIgnoreCase)) return new Leases(null, null);
        var perChat = await ChatIdOf(request, cancellationToken) is { } chatId ? await _perChat.AcquireAsync(chatId, 1, cancellationToken) : null;
        // "typing" is not a message: it shows at once however busy the bot is, within its chat's pace.
        var overall = method.Equals("sendChatAction", StringComparison.OrdinalIgnoreCase) ? null : await _overall.AcquireAsync(1, cancellationToken);
        return new Leases(perChat, overall);
    }

    private sealed record Leases(RateLimitLease? PerChat, RateLimitLease? Overall) : IDisposable
    {
        public void Dispose()
        {
            PerChat?.Dispose();
            Overall?.Dispose();
        }
    }

    private static async Task<long?> ChatIdOf(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null) return null;
        await request.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("chat_id", out var chatId) && chatId.TryGetInt64(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _overall.Dispose();
        _perChat.Dispose();
    }
}
