using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// Users asking steadily through the fake Telegram: each sends a question, waits for its final reply,
/// pauses 1–2 s and asks again, so a person never has two questions open (a second one would wait in
/// the user grain's line).
/// </summary>
internal sealed class QuestionStream(FakeTelegramServer telegram, ChatReplies replies)
{
    /// <summary>Orleans' response timeout (30 s) plus the gateway's retry budget (30 s), with room.</summary>
    public static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(75);

    private readonly ConcurrentQueue<AskedQuestion> _asked = new();
    private readonly ConcurrentDictionary<long, int> _numbers = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public IReadOnlyList<AskedQuestion> Asked => [.. _asked];

    public async Task<AskedQuestion> AskAsync(long userId)
    {
        var number = _numbers.AddOrUpdate(userId, 1, (_, last) => last + 1);
        var text = TokenModel.Question(userId, number);
        var sentAt = Clock.Elapsed;
        var messageId = telegram.EnqueueUserMessage(userId, userId, text);
        var reply = await replies.WaitForFinalAsync(userId, messageId, ReplyLimit);
        var asked = new AskedQuestion(userId, TokenModel.TokenIn(text)!, messageId, sentAt, reply?.Text, reply is null ? null : Clock.Elapsed);
        _asked.Enqueue(asked);
        return asked;
    }

    /// <summary>One user asking until <paramref name="until"/> on <see cref="Clock"/>.</summary>
    public async Task RunAsync(long userId, TimeSpan until)
    {
        // Users start out of step, as people do.
        await Task.Delay(Random.Shared.Next(1000));
        while (Clock.Elapsed < until)
        {
            await AskAsync(userId);
            await Task.Delay(1000 + Random.Shared.Next(1000));
        }
    }
}
