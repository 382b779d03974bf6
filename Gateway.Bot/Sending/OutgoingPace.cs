using System.Text.Json;
using System.Threading.RateLimiting;

namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>
/// Keeps sends within Telegram's published limits before it has to say 429: about 30 messages a second
/// overall, about one a second in a private chat (short bursts allowed), 20 a minute in a group.
/// Sends wait their turn rather than fail; other methods (getUpdates, answers to button presses) pass freely.
/// "typing" is not a message: it has a small budget of its own per chat, so it never takes a message's turn.
/// </summary>
public sealed class OutgoingPace : IDisposable
{
    private static readonly string[] MessageMethods = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "sendPhoto", "sendDocument"];
    private const string ChatAction = "sendChatAction";

    // Refilled one token at a time rather than 30 at once, so past a burst a send waits tens of milliseconds for
    // its turn, not until the next whole second. Bursts of 20 and one send every 36 ms (about 28 a second)
    // leave Telegram's 30 a cushion, so network jitter that bunches arrivals never meets a 429.
    private readonly RateLimiter _overall = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 20, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMilliseconds(36), QueueLimit = 10_000,
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

    private readonly PartitionedRateLimiter<long> _typingPerChat = PartitionedRateLimiter.Create<long, long>(chatId =>
        RateLimitPartition.GetTokenBucketLimiter(chatId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 100,
        }));

    /// <summary>
    /// Waits until <paramref name="request"/> may go; dispose the turn after it went. Cancelling while it
    /// waits drops the request unsent (a progress edit the answer overtook).
    /// </summary>
    public async Task<PaceTurn> WaitTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments[^1];
        var isMessage = method is not null && MessageMethods.Contains(method, StringComparer.OrdinalIgnoreCase);
        var isChatAction = string.Equals(method, ChatAction, StringComparison.OrdinalIgnoreCase);
        if (!isMessage && !isChatAction) return PaceTurn.Unpaced;
        var chatId = await ChatIdOf(request, cancellationToken);
        if (isChatAction)
        {
            // "typing" shows at once however busy the bot is, within its chat's own small budget.
            return new PaceTurn(chatId is { } id ? await _typingPerChat.AcquireAsync(id, 1, cancellationToken) : null, null);
        }
        var perChat = chatId is { } chat ? await _perChat.AcquireAsync(chat, 1, cancellationToken) : null;
        try
        {
            return new PaceTurn(perChat, await _overall.AcquireAsync(1, cancellationToken));
        }
        catch
        {
            perChat?.Dispose();
            throw;
        }
    }

    private static async Task<long?> ChatIdOf(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null) return null;
        // Uploads (photos, documents) are multipart: the chat is its own small part; the file is never read here.
        if (request.Content is MultipartContent parts) return await ChatIdOfUploadAsync(parts, cancellationToken);
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

    private static async Task<long?> ChatIdOfUploadAsync(MultipartContent parts, CancellationToken cancellationToken)
    {
        var chatPart = parts.FirstOrDefault(part => part.Headers.ContentDisposition?.Name?.Trim('"') == "chat_id");
        if (chatPart is null) return null;
        var text = await chatPart.ReadAsStringAsync(cancellationToken);
        return long.TryParse(text.Trim('"'), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public void Dispose()
    {
        _overall.Dispose();
        _perChat.Dispose();
        _typingPerChat.Dispose();
    }
}
