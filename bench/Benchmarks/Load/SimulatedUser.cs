using System.Diagnostics;
using System.Text.Json.Nodes;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>A person in a private chat with the bot (chat id = user id, as on Telegram): writes, presses buttons, waits for the reply.</summary>
internal sealed class SimulatedUser(long id, FakeTelegramServer telegram, ChatReplies replies)
{
    private readonly ChatMailbox _mailbox = replies.For(id);

    public const string SelectButtonPrefix = "selectdb:";

    // Gateway.Bot's progress texts, shown only for a slow answer: the answer then replaces them (a quick one comes as a message of its own).
    private static readonly string[] ProgressTexts =
        ["Understanding your question…", "Querying the database…", "Writing the answer…", "Drafting the e-mail…", Gateway.Bot.Questions.QuestionTexts.InLine];
    private const string RateLimitedText = "faster than I can answer";

    public long Id => id;

    /// <summary>Part of the name of the database this user's /selectdb presses (each user has one on SQLite and one on PostgreSQL).</summary>
    public string DatabaseNamePart { get; set; } = "";

    /// <summary>Writes <paramref name="text"/> and waits for the first reply <paramref name="isFinal"/> accepts.</summary>
    public async Task<(BotReply? Reply, long StartedAt)> SayAsync(string text, Func<BotReply, bool> isFinal, TimeSpan patience)
    {
        _mailbox.Clear();
        var startedAt = Stopwatch.GetTimestamp();
        telegram.EnqueueUserMessage(id, id, text);
        using var limit = new CancellationTokenSource(patience);
        return (await _mailbox.WaitAsync(isFinal, limit.Token), startedAt);
    }

    /// <summary>Setup: writes a command and returns the text of the reply containing <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">No such reply came.</exception>
    public async Task<string> CommandAsync(string command, string expected, TimeSpan patience)
    {
        var (reply, _) = await SayAsync(command, reply => !reply.IsEdit && reply.Text.Contains(expected, StringComparison.Ordinal), patience);
        return reply?.Text ?? throw new InvalidOperationException($"User {id}: no reply containing '{expected}' to '{command.Split(' ')[0]}' within {patience.TotalSeconds:0} s.");
    }

    public async Task<ActionSample> PerformAsync(UserAction action, Random random, TimeSpan patience) => action switch
    {
        UserAction.Question => await AskAsync(LoadMix.Question(random), patience),
        UserAction.Stats => await CommandSampleAsync(action, "/stats", text => text.Contains("This month", StringComparison.Ordinal), patience),
        UserAction.History => await CommandSampleAsync(action, "/history",
            text => text.Contains("question(s)", StringComparison.Ordinal) || text.StartsWith("No questions yet", StringComparison.Ordinal), patience),
        _ => await SelectDatabaseAsync(patience),
    };

    /// <summary>Setup and load: /selectdb, then a press on the button of the database named like <see cref="DatabaseNamePart"/>.</summary>
    public async Task<ActionSample> SelectDatabaseAsync(TimeSpan patience)
    {
        using var limit = new CancellationTokenSource(patience);
        var (reply, startedAt) = await SayAsync("/selectdb", reply => !reply.IsEdit, patience);
        var keyboard = reply is null ? null : await _mailbox.WaitForKeyboardAsync(limit.Token);
        if (keyboard is null || ButtonFor(keyboard, DatabaseNamePart) is not { } data) return Sample(UserAction.SelectDatabase, ActionOutcome.Failed, startedAt, null, reply?.Text ?? "no keyboard");
        replies.Pressed(telegram.EnqueueCallbackQuery(id, id, keyboard.MessageId, data), id);
        var selected = await _mailbox.WaitAsync(next => !next.IsEdit, limit.Token);
        var outcome = selected is null ? ActionOutcome.TimedOut : ActionOutcome.Done;
        return Sample(UserAction.SelectDatabase, outcome, startedAt, selected, null);
    }

    /// <summary>Writes a question and waits for its answer (or a refusal), not for the progress texts before it.</summary>
    public async Task<ActionSample> AskAsync(string question, TimeSpan patience)
    {
        var (reply, startedAt) = await SayAsync(question, reply => !ProgressTexts.Contains(reply.Text), patience);
        var outcome = reply is null ? ActionOutcome.TimedOut
            : reply.Text.StartsWith(SlowModel.AnswerText, StringComparison.Ordinal) ? ActionOutcome.Done
            : reply.Text.Contains(RateLimitedText, StringComparison.Ordinal) ? ActionOutcome.RateLimited
            : ActionOutcome.Failed;
        return Sample(UserAction.Question, outcome, startedAt, reply, outcome == ActionOutcome.Failed ? reply!.Text : null);
    }

    private async Task<ActionSample> CommandSampleAsync(UserAction action, string command, Func<string, bool> isExpected, TimeSpan patience)
    {
        var (reply, startedAt) = await SayAsync(command, reply => !reply.IsEdit, patience);
        var outcome = reply is null ? ActionOutcome.TimedOut : isExpected(reply.Text) ? ActionOutcome.Done : ActionOutcome.Failed;
        return Sample(action, outcome, startedAt, reply, outcome == ActionOutcome.Failed ? reply!.Text : null);
    }

    private static ActionSample Sample(UserAction action, ActionOutcome outcome, long startedAt, BotReply? reply, string? failure)
    {
        var elapsed = reply is null ? Timing.MillisecondsSince(startedAt) : Stopwatch.GetElapsedTime(startedAt, reply.At).TotalMilliseconds;
        return new ActionSample(action, outcome, startedAt, elapsed, failure is null ? null : failure[..Math.Min(failure.Length, 200)]);
    }

    private static string? ButtonFor(SentMessage keyboard, string namePart)
    {
        var rows = JsonNode.Parse(keyboard.ReplyMarkup!)?["inline_keyboard"]?.AsArray() ?? [];
        var button = rows.Select(row => row?[0]).FirstOrDefault(button => ((string?)button?["text"])?.Contains(namePart, StringComparison.Ordinal) == true);
        return (string?)button?["callback_data"];
    }
}
