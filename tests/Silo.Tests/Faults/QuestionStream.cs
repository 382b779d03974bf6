using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// Users asking steadily through the fake Telegram: each sends a question, waits for its final reply,
/// pauses 1–2 s and asks again; every third time two questions go at once, so the second waits in the
/// user grain's line when a silo dies.
/// </summary>
internal sealed class QuestionStream(FakeTelegramServer telegram, ChatReplies replies)
{
    /// <summary>Orleans' response timeout (30 s) plus the gateway's retry budget (30 s), with room.</summary>
    public static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(75);

    private readonly ConcurrentQueue<AskedQuestion> _asked = new();
    private readonly ConcurrentDictionary<long, int> _numbers = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public IReadOnlyList<AskedQuestion> Asked => [.. _asked];

    public async Task<AskedQuestion> AskAsync(long userId) => (await AskTogetherAsync(userId, 1))[0];

    /// <summary>
    /// <paramref name="count"/> questions sent back to back: the later ones wait in the user grain's line
    /// behind the first, so a silo dying meanwhile takes a line with it.
    /// </summary>
    public async Task<AskedQuestion[]> AskTogetherAsync(long userId, int count)
    {
        var sent = new List<(string Text, int MessageId, TimeSpan SentAt)>();
        for (var i = 0; i < count; i++)
        {
            var number = _numbers.AddOrUpdate(userId, 1, (_, last) => last + 1);
            var text = TokenModel.Question(userId, number);
            var sentAt = Clock.Elapsed;
            sent.Add((text, telegram.EnqueueUserMessage(userId, userId, text), sentAt));
        }
        return await Task.WhenAll(sent.Select(async question =>
        {
            var token = TokenModel.TokenIn(question.Text)!;
            var reply = await replies.WaitForFinalAsync(userId, question.MessageId, token, ReplyLimit);
            var asked = new AskedQuestion(userId, token, question.MessageId, question.SentAt, reply?.Text, reply is null ? null : Clock.Elapsed);
            _asked.Enqueue(asked);
            return asked;
        }));
    }

    /// <summary>One user asking until <paramref name="until"/> on <see cref="Clock"/>.</summary>
    public async Task RunAsync(long userId, TimeSpan until)
    {
        // Users start out of step, as people do.
        await Task.Delay(Random.Shared.Next(1000));
        for (var round = 1; Clock.Elapsed < until; round++)
        {
            // Every third round two questions at once, the second waiting in line behind the first.
            await AskTogetherAsync(userId, round % 3 == 0 ? 2 : 1);
            await Task.Delay(1000 + Random.Shared.Next(1000));
        }
    }
}
