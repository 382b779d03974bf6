using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OrleansAssistant.Gateway.Bot.Questions;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;
using Xunit.Abstractions;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// The conversation as a person lives it, against a fake Telegram that enforces flood control: the answer
/// is shown as soon as it exists, questions are worked on and answered in the order sent, a full line
/// says plainly that a question was not taken, and neither a deleted progress message nor a 429 loses
/// or repeats an answer.
/// </summary>
public sealed partial class ConversationFlowTests(StrictTelegramFixture fixture, ITestOutputHelper output) : IClassFixture<StrictTelegramFixture>
{
    /// <summary>From the model's reply to the answer reaching Telegram.</summary>
    private static readonly TimeSpan ShownWithin = TimeSpan.FromMilliseconds(300);

    /// <summary>Telegram's shortest retry_after, less a margin: an answer held back by a refused edit is shown no sooner.</summary>
    private static readonly TimeSpan RefusedEditWait = TimeSpan.FromMilliseconds(900);

    private static readonly string[] PacedMethods = ["sendMessage", "editMessageText", "sendChatAction", "deleteMessage"];

    private FakeTelegramServer Telegram => fixture.Telegram;

    [Fact]
    public async Task FiftyFastQuestions_EachAnswerShownWithin300msOfTheModelReply_WithTypingAndTheAnswerOnly()
    {
        fixture.Model.Respond(AnswerWithToken(TimeSpan.Zero));
        // The fifty people start first: their welcome messages share Telegram's 30-a-second budget with the
        // answers, and the measurement is of answers, not of a queue of welcomes. One question warms the process.
        var askers = new List<BotUser>();
        for (var i = 0; i < 50; i++) askers.Add(await BotPeople.AskerAsync(fixture));
        var first = await BotPeople.AskerAsync(fixture);
        var warmUp = first.Write($"q-{first.Id}-0 hello");
        await first.ShownAfterAsync(warmUp, message => message.Text.Contains(Answer($"q-{first.Id}-0"), StringComparison.Ordinal));
        var delays = new List<TimeSpan>();
        foreach (var asker in askers)
        {
            var token = $"q-{asker.Id}-1";
            var messageId = asker.Write($"{token} how many customers?");
            var answer = await asker.ShownAfterAsync(messageId, message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
            delays.Add(Stopwatch.GetElapsedTime(ModelReplyTo(token).RepliedAt, answer.At));

            // typing, then the answer: no progress message, no edit.
            Assert.True(PacedCalls(asker).SequenceEqual(["sendChatAction", "sendMessage"]), string.Join(" | ", Telegram.Requests.Snapshot()
                .Where(call => call.Parameters.GetValueOrDefault("chat_id") == asker.Id.ToString(CultureInfo.InvariantCulture))
                .Select(call => call.Method + ": " + call.Parameters.GetValueOrDefault("text"))) + " || deliveries: " + string.Join(" | ",
                Telegram.UpdateDeliveries.Snapshot().Select(delivery => delivery.ToString())).Length + " flood refusals: " + Telegram.FloodRefusals);
        }

        var sorted = delays.Order().ToArray();
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        output.WriteLine($"model reply → answer at Telegram, 50 questions: p50 {Ms(sorted[24])}, p95 {Ms(p95)}, max {Ms(sorted[^1])}");
        // The 95th percentile, not the maximum: on a shared 2-core machine one answer in fifty can meet a garbage collection
        // or another test's burst; an answer held back for the next question would show in every one of them.
        Assert.True(p95 <= ShownWithin, $"p95 {Ms(p95)}");
        Assert.True(sorted[^1] <= 4 * ShownWithin, $"max {Ms(sorted[^1])}");
    }

    [Fact]
    public async Task FiveQuestionsSentBackToBack_WorkedOnAndAnsweredInOrder_LaterOnesQuoteTheirQuestion()
    {
        fixture.Model.Respond(AnswerWithToken(TimeSpan.Zero));
        var asker = await BotPeople.AskerAsync(fixture);
        // Someone who has asked before: their first question ever (cold caches) may still run when the fifth
        // arrives, and then the fifth would rightly find the line full.
        var warmUp = asker.Write($"q-{asker.Id}-0 hello");
        await asker.ShownAfterAsync(warmUp, message => message.Text.Contains(Answer($"q-{asker.Id}-0"), StringComparison.Ordinal));
        var questions = new List<(string Token, int MessageId)>();
        // The test's rhythm: one question every 20 ms, all five within 100 ms. Sent all at once, the fifth would
        // arrive while the first still runs with three waiting, and rightly be refused.
        for (var n = 1; n <= 5; n++)
        {
            questions.Add(($"q-{asker.Id}-{n}", asker.Write($"q-{asker.Id}-{n} how many customers?")));
            await Task.Delay(20);
        }

        var answers = new List<ShownAnswer>();
        foreach (var question in questions) answers.Add(await AnswerToAsync(asker, question.Token, question.MessageId));

        Assert.Equal(questions.Select(question => question.Token), ModelRequestsOf(asker).Skip(1).Select(TokenOf));
        Assert.Equal(answers.OrderBy(answer => answer.At), answers);
        Assert.Equal(answers.OrderBy(answer => answer.MessageId), answers);
        foreach (var (question, answer) in questions.Zip(answers).Skip(1)) Assert.Equal(question.MessageId, answer.ReplyTo);
        foreach (var (question, answer) in questions.Zip(answers))
        {
            var delay = Stopwatch.GetElapsedTime(ModelReplyTo(question.Token).RepliedAt, answer.At);
            output.WriteLine($"{question.Token}: shown {Ms(delay)} after the model replied");
            Assert.True(delay <= ShownWithin, $"{question.Token} shown {Ms(delay)} after the model replied");
        }
        Assert.DoesNotContain(Telegram.ShownMessageLog.Snapshot(), message => message.ChatId == asker.Id && message.Text == QuestionTexts.NotTaken);
    }

    [Fact]
    public async Task QuestionBeyondTheLine_IsToldItWasNotTaken_TheOthersAreAnsweredInTurn()
    {
        fixture.Model.Respond(AnswerWithToken(TimeSpan.FromSeconds(2)));
        var asker = await BotPeople.AskerAsync(fixture);
        var questions = Enumerable.Range(1, 5).Select(n => (Token: $"q-{asker.Id}-{n}", MessageId: asker.Write($"q-{asker.Id}-{n} how many customers?"))).ToList();

        var refusal = await asker.ShownAfterAsync(questions[^1].MessageId, message => message.Text == QuestionTexts.NotTaken);
        var answers = new List<ShownAnswer>();
        foreach (var question in questions.SkipLast(1)) answers.Add(await AnswerToAsync(asker, question.Token, question.MessageId));

        Assert.Equal(questions[^1].MessageId, refusal.ReplyToMessageId);
        Assert.Contains("NOT", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(answers.OrderBy(answer => answer.At), answers);
        Assert.Equal(questions.SkipLast(1).Select(question => question.Token), ModelRequestsOf(asker).Select(TokenOf));
    }

    [Fact]
    public async Task TwentyQuestionsInOneSecond_EachGetsExactlyOneReply_InOrder_NothingDropped()
    {
        fixture.Model.Respond(AnswerWithToken(TimeSpan.FromMilliseconds(300)));
        var asker = await BotPeople.AskerAsync(fixture);
        var questions = new List<(string Token, int MessageId)>();
        // Twenty at once: within one second, as a person pasting quickly would.
        for (var n = 1; n <= 20; n++) questions.Add(($"q-{asker.Id}-{n}", asker.Write($"q-{asker.Id}-{n} how many customers?")));

        var replies = new List<(string Token, ShownAnswer? Answer, SentMessage? Refusal)>();
        foreach (var (token, messageId) in questions)
        {
            var reply = await asker.ShownAfterAsync(messageId, message =>
                message.Text.Contains(Answer(token), StringComparison.Ordinal) || (message.Text == QuestionTexts.NotTaken && message.ReplyToMessageId == messageId));
            replies.Add(reply.Text == QuestionTexts.NotTaken ? (token, null, reply) : (token, await AnswerToAsync(asker, token, messageId), null));
        }
        await SettledAsync(asker);

        var shown = Telegram.ShownMessageLog.Snapshot().Where(message => message.ChatId == asker.Id).ToList();
        foreach (var (token, messageId) in questions)
        {
            var answers = shown.Count(message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
            var refusals = shown.Count(message => message.Text == QuestionTexts.NotTaken && message.ReplyToMessageId == messageId);
            Assert.True(answers + refusals == 1, $"{token}: {answers} answer(s), {refusals} refusal(s)");
        }
        var answered = replies.Where(reply => reply.Answer is not null).Select(reply => reply.Answer!).ToList();
        Assert.Equal(answered.OrderBy(answer => answer.At), answered);
        Assert.Equal(replies.Where(reply => reply.Answer is not null).Select(reply => reply.Token), ModelRequestsOf(asker).Select(TokenOf));
        Assert.True(answered.Count >= 4, $"only {answered.Count} answered"); // the running question and a full line at least
        output.WriteLine($"20 questions: {answered.Count} answered in order, {replies.Count - answered.Count} not taken");
    }

    [Fact]
    public async Task ProgressMessageDeletedByTheUser_TheAnswerStillArrives_Once()
    {
        fixture.Model.Respond(AnswerWithToken(TimeSpan.FromSeconds(2.5)));
        var asker = await BotPeople.AskerAsync(fixture);
        var token = $"q-{asker.Id}-1";
        var messageId = asker.Write($"{token} how many customers?");

        var progress = await asker.ReplyAfterAsync(messageId, message => message.Text == QuestionTexts.Understanding);
        Telegram.DeleteAsUser(asker.Id, progress.MessageId);
        var answer = await asker.ReplyAfterAsync(messageId, message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
        await SettledAsync(asker);

        Assert.NotEqual(progress.MessageId, answer.MessageId);
        Assert.Single(Telegram.ShownMessageLog.Snapshot(), message => message.ChatId == asker.Id && message.Text.Contains(Answer(token), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooManyRequestsOnAProgressEdit_TheAnswerIsNotHeldBack_ShownOnce_NothingStaleAfterIt()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var token = $"q-{asker.Id}-1";
        fixture.Model.Respond(null);
        fixture.Model.EnqueueDelay(TimeSpan.FromSeconds(1.5)); // long enough for the progress message
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT name FROM customers ORDER BY id", answer = (string?)null }, 40, 10);
        // The first progress edit ("Querying…") meets flood control; the answer is ready long before the second is up.
        // The answer is written only once that edit was refused, so the refusal can never fall on the answer's own edit.
        var editRefused = Telegram.RefuseNextWithTooManyRequests("editMessageText", asker.Id, retryAfterSeconds: 1);
        fixture.Model.EnqueueWaitFor(editRefused);
        fixture.Model.EnqueueText(Answer(token), 30, 10);

        var messageId = asker.Write($"{token} who are our customers?");
        var progress = await asker.ReplyAfterAsync(messageId, message => message.Text == QuestionTexts.Understanding);
        var answer = await asker.ShownAfterAsync(messageId, message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
        var lastModelReply = fixture.Model.Requests.Last(request => request.RepliedAt != 0).RepliedAt;
        // A retried edit would go out when retry_after (1 s, Telegram's least) ends: the only wall-clock wait here,
        // as the retry follows Telegram's own seconds.
        var marker = await SettledAsync(asker, after: TimeSpan.FromSeconds(1.2));

        var shown = Telegram.ShownMessageLog.Snapshot()
            .Where(message => message.ChatId == asker.Id && message.MessageId > messageId && message.MessageId < marker.MessageId).ToList();
        Assert.Single(shown, message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
        Assert.Equal(answer, shown[^1]); // nothing after the answer
        Assert.Equal(progress.MessageId, answer.MessageId);
        // Waiting for the refused edit would hold the answer for the whole retry_after (1 s); one sample on a busy machine may
        // take longer than the 300 ms the fifty-question test holds at its 95th percentile, so the bound here is the wait itself.
        var waited = Stopwatch.GetElapsedTime(lastModelReply, answer.At);
        Assert.True(waited < RefusedEditWait, $"the answer waited for the refused edit ({waited.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task SlowCommand_HoldsBackOnlyItsOwnChat_WhoseNextMessageIsAnsweredAfterIt()
    {
        // A "database" that accepts the connection and never answers: /adddb waits out its connection test.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var holding = new CancellationTokenSource();
        var accepting = HoldConnectionsAsync(silent, holding.Token);
        var slow = await BotPeople.StandaloneAsync(fixture);
        var other = await BotPeople.StandaloneAsync(fixture);

        var addDb = slow.Write($"/adddb Silent postgresql://u:p@127.0.0.1:{port}/db");
        var myInfo = slow.Write("/myinfo");
        var elsewhere = await other.SayAsync("/myinfo");
        var addDbReply = await slow.ReplyAfterAsync(addDb, message => message.Text.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        var myInfoReply = await slow.ReplyAfterAsync(addDb, message => message.MessageId != addDbReply.MessageId);
        await holding.CancelAsync();
        await accepting;

        Assert.True(elsewhere.At < addDbReply.At, "another chat waited for this chat's slow command");
        Assert.True(myInfoReply.MessageId > addDbReply.MessageId, "the chat's second command was answered before its first");
        Assert.True(addDb < myInfo);
    }

    private static async Task HoldConnectionsAsync(TcpListener listener, CancellationToken stop)
    {
        var held = new List<TcpClient>();
        try
        {
            while (true) held.Add(await listener.AcceptTcpClientAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var client in held) client.Dispose();
        }
    }

    /// <summary>The model answers every question with its token, e.g. "Answer to q-5003-7.", after <paramref name="delay"/>.</summary>
    /// <summary>
    /// Waits until the chat is quiet: a command sent now is answered in the chat's lane after everything before
    /// it, so a duplicate reply sent by the question's own path would be in the log by then. <paramref name="after"/>
    /// first lets a wait the bot itself honours (Telegram's retry_after) run out.
    /// </summary>
    /// <returns>The marker's reply: what the chat showed before it is what the test judges.</returns>
    private static async Task<SentMessage> SettledAsync(BotUser asker, TimeSpan? after = null)
    {
        if (after is { } wait) await Task.Delay(wait);
        return await asker.SayAsync("/myinfo");
    }

    private static Func<RecordedModelRequest, ScriptedReply> AnswerWithToken(TimeSpan delay) => request =>
        ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer = Answer(TokenOf(request)) }, 10, 5).After(delay);

    private static string Answer(string token) => $"Answer to {token}.";

    /// <summary>The question's token in a stage-one request (the last one: the conversation window carries earlier ones).</summary>
    private static string TokenOf(RecordedModelRequest request) =>
        Token().Matches(request.Messages.LastOrDefault(message => message.Role == "user")?.Content ?? "") is { Count: > 0 } matches ? matches[^1].Value : "no token";

    private IReadOnlyList<RecordedModelRequest> ModelRequestsOf(BotUser asker) =>
        [.. fixture.Model.Requests.Where(request => TokenOf(request).StartsWith($"q-{asker.Id}-", StringComparison.Ordinal))];

    private RecordedModelRequest ModelReplyTo(string token) => fixture.Model.Requests.Single(request => TokenOf(request) == token && request.RepliedAt != 0);

    private List<string> PacedCalls(BotUser asker) =>
        [.. Telegram.Requests.Snapshot()
            .Where(call => PacedMethods.Contains(call.Method) && call.Parameters.GetValueOrDefault("chat_id") == asker.Id.ToString(CultureInfo.InvariantCulture))
            .Select(call => call.Method)];

    /// <summary>Where the answer to a question was shown: a message of its own, or the progress message edited into it.</summary>
    private async Task<ShownAnswer> AnswerToAsync(BotUser asker, string token, int questionId)
    {
        var shown = await asker.ShownAfterAsync(questionId, message => message.Text.Contains(Answer(token), StringComparison.Ordinal));
        var first = Telegram.SentMessages.Single(message => message.ChatId == asker.Id && message.MessageId == shown.MessageId);
        return new ShownAnswer(token, shown.MessageId, first.ReplyToMessageId, shown.At);
    }

    private static string Ms(TimeSpan delay) => delay.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"q-\d+-\d+")]
    private static partial Regex Token();

    private sealed record ShownAnswer(string Token, int MessageId, int? ReplyTo, long At);
}

/// <summary>The Telegram tests' silo, bot and fakes, with the fake Telegram enforcing flood control.</summary>
public sealed class StrictTelegramFixture : BotTelegramFixture
{
    protected override bool EnforceFloodLimits => true;
}
