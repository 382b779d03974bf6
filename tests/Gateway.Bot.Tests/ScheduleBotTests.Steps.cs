using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The steps a person takes in the schedule dialog, through the fake Telegram.</summary>
public sealed partial class ScheduleBotTests
{
    private const string SpendSql = "SELECT c.name, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC";
    private const string OrderCountSql = "SELECT count(*) AS orders FROM orders";

    /// <summary>Asks a question the fake model answers with <paramref name="sql"/>; returns the message carrying the answer's buttons.</summary>
    private async Task<SentMessage> AnswerAsync(BotUser asker, string question, string sql = SpendSql, string sentence = "Linus spent the most.")
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText(sentence, 200, 20);
        var asked = asker.Write(question);
        return await asker.ShownAfterAsync(asked, message => message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true);
    }

    /// <summary>Opens [More ▾] under the answer and returns the opened keyboard.</summary>
    private async Task<SentMessage> MoreAsync(BotUser asker, SentMessage answer)
    {
        asker.Press(answer, Data(answer, "More ▾"));
        return await fixture.Telegram.EditedKeyboardLog.WaitForAsync(edit => edit.ChatId == answer.ChatId && edit.MessageId == answer.MessageId,
            BotTelegramFixture.Patience, "the opened keyboard");
    }

    /// <summary>Presses [⏰ Schedule] or [🔔 Alert] behind [More ▾] and returns the dialog message.</summary>
    private async Task<SentMessage> StartAsync(BotUser asker, SentMessage answer, string label = "⏰ Schedule")
    {
        var opened = await MoreAsync(asker, answer);
        asker.Press(opened, Data(opened, label));
        return await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == answer.ChatId && message.ReplyToMessageId == answer.MessageId
            && message.ReplyMarkup?.Contains("plan:", StringComparison.Ordinal) == true, BotTelegramFixture.Patience);
    }

    /// <summary>Presses <paramref name="label"/> in the dialog and returns the dialog message after its <paramref name="edits"/>-th change.</summary>
    private async Task<SentMessage> ChooseAsync(BotUser asker, SentMessage dialog, string label, int edits)
    {
        asker.Press(dialog, Data(dialog, label));
        return await DialogAfterAsync(dialog, edits);
    }

    private async Task<SentMessage> DialogAfterAsync(SentMessage dialog, int edits)
    {
        bool Matches(SentMessage edit) => edit.ChatId == dialog.ChatId && edit.MessageId == dialog.MessageId;
        await fixture.Telegram.EditedMessageLog.WaitForAsync(_ => fixture.Telegram.EditedMessageLog.Snapshot().Count(Matches) >= edits,
            BotTelegramFixture.Patience, $"change {edits} of the dialog");
        return fixture.Telegram.EditedMessageLog.Snapshot().Where(Matches).ElementAt(edits - 1);
    }

    /// <summary>Presses <paramref name="label"/>, replies <paramref name="typed"/> to the prompt it opens, and returns the dialog after its <paramref name="edits"/>-th change.</summary>
    private async Task<SentMessage> TypeAsync(BotUser asker, SentMessage dialog, SentMessage shown, string label, string typed, int edits)
    {
        var before = fixture.Telegram.SentMessages.Where(message => message.ChatId == dialog.ChatId).Max(message => message.MessageId);
        asker.Press(shown, Data(shown, label));
        var prompt = await PromptAsync(dialog, after: before);
        fixture.Telegram.EnqueueUserReply(dialog.ChatId, asker.Id, prompt.MessageId, typed);
        return await DialogAfterAsync(dialog, edits);
    }

    /// <summary>The reply prompt the dialog opened under itself.</summary>
    private Task<SentMessage> PromptAsync(SentMessage dialog, int after) =>
        fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == dialog.ChatId && message.ReplyToMessageId == dialog.MessageId
            && message.MessageId > after && message.ReplyMarkup?.Contains("force_reply", StringComparison.Ordinal) == true, BotTelegramFixture.Patience);

    /// <summary>Replies to <paramref name="prompt"/> and returns the bot's answer to that reply.</summary>
    private async Task<SentMessage> ReplyAsync(BotUser user, SentMessage prompt, string text)
    {
        var reply = fixture.Telegram.EnqueueUserReply(prompt.ChatId, user.Id, prompt.MessageId, text);
        return await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == prompt.ChatId && message.ReplyToMessageId == reply,
            BotTelegramFixture.Patience);
    }

    private async Task<string?> ToastAsync(string queryId) =>
        (await fixture.Telegram.Requests.WaitForAsync(call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId,
            BotTelegramFixture.Patience, $"answer to press {queryId}")).Parameters.GetValueOrDefault("text");

    private async Task<IReadOnlyList<ScheduleView>> MineAsync(BotUser user)
    {
        var principal = await fixture.Silo.Grains.GetGrain<Grains.Interfaces.Users.IUserGrain>(user.Id).GetPrincipalAsync();
        return await fixture.Silo.Grains.GetGrain<IScheduleListGrain>(0).MineAsync(principal!);
    }

    /// <summary>Rows of <c>Schedules</c> owned by the user, read from the app database: what "nothing was created" means.</summary>
    private async Task<long> StoredSchedulesAsync(BotUser user)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.AppDatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Schedules WHERE OwnerUserId = $user";
        command.Parameters.AddWithValue("$user", user.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<List<string>> Labels(SentMessage message) => [.. Keyboard(message).Select(row => row.Select(button => button.Text).ToList())];

    private static string Data(SentMessage message, string label) =>
        Keyboard(message).SelectMany(row => row).Single(button => button.Text == label).Data;

    private static List<List<(string Text, string Data)>> Keyboard(SentMessage message)
    {
        using var markup = JsonDocument.Parse(message.ReplyMarkup ?? "{}");
        if (!markup.RootElement.TryGetProperty("inline_keyboard", out var rows)) return [];
        return [.. rows.EnumerateArray().Select(row => row.EnumerateArray()
            .Select(button => (button.GetProperty("text").GetString()!, button.GetProperty("callback_data").GetString()!)).ToList())];
    }
}
