using System.Diagnostics;
using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;
using Xunit.Abstractions;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>How soon the bot shows "typing" once a question reaches it, with many people asking at once.</summary>
[Collection(BotTelegramCollection.Name)]
public sealed class TelegramGatewayTests(BotTelegramFixture fixture, ITestOutputHelper output)
{
    private const int Askers = 100;

    // A burst of questions takes longer than one; the fixture's patience is sized for single steps.
    private static readonly TimeSpan BurstPatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HundredUsers_AskAtOnce_EachSeesTypingThenAnAnswer()
    {
        var askers = await Task.WhenAll(Enumerable.Range(0, Askers).Select(_ => RegisteredAskerAsync()));
        fixture.Model.Respond(InstantConversationAnswer);
        try
        {
            var questions = askers.Select((asker, i) => (Asker: asker, MessageId: asker.Write($"How many customers do we have? ({i})"))).ToList();

            var delays = await Task.WhenAll(questions.Select(question => TypingDelayAsync(question.Asker, question.MessageId)));
            await Task.WhenAll(questions.Select(question => AnswerAsync(question.Asker, question.MessageId)));

            Report(delays);
        }
        finally
        {
            fixture.Model.Respond(null); // the model server is shared with the collection's other tests
        }
    }

    /// <summary>Registered through /start, as a new person would, with their own shop database selected.</summary>
    private async Task<BotUser> RegisteredAskerAsync()
    {
        var user = fixture.NewUser();
        Assert.Contains("Welcome", (await user.SayAsync("/start")).Text, StringComparison.Ordinal);
        var databases = fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(user.Id, "Shop", $"sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        Assert.True(added.Succeeded, added.Message);
        var selected = await databases.SelectAsync(user.Id, added.Database!.DatabaseId);
        Assert.True(selected.Succeeded, selected.Message);
        return user;
    }

    // Structured (stage one) calls choose to answer directly, so no SQL runs and the model never waits.
    private static ScriptedReply InstantConversationAnswer(RecordedModelRequest request) =>
        request.ResponseFormatType == "json_schema"
            ? ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer = "ok" }, 10, 5)
            : ScriptedReply.Text("ok", 10, 5);

    /// <summary>From the question's update reaching the bot to the bot's sendChatAction for that chat arriving.</summary>
    private async Task<TimeSpan> TypingDelayAsync(BotUser asker, int messageId)
    {
        var telegram = fixture.Telegram;
        var delivered = await telegram.WaitForDeliveryAsync(telegram.UpdateIdOf(asker.Id, messageId), BurstPatience);
        var chatId = asker.Id.ToString(CultureInfo.InvariantCulture);
        var typing = await telegram.Requests.WaitForAsync(
            call => call.Method == "sendChatAction" && call.Parameters.GetValueOrDefault("chat_id") == chatId,
            BurstPatience,
            $"sendChatAction for chat {chatId}");
        Assert.Equal("typing", typing.Parameters["action"]);
        return Stopwatch.GetElapsedTime(delivered.At, typing.At);
    }

    private Task<SentMessage> AnswerAsync(BotUser asker, int messageId) =>
        fixture.Telegram.ShownMessageLog.WaitForAsync(
            message => message.ChatId == asker.Id && message.MessageId > messageId && message.ParseMode == "HTML",
            BurstPatience,
            $"answer in chat {asker.Id}");

    private void Report(TimeSpan[] delays)
    {
        var sorted = delays.Order().ToArray();
        output.WriteLine(
            $"update delivered → typing, {sorted.Length} questions: p50 {Ms(Percentile(sorted, 50))}, p95 {Ms(Percentile(sorted, 95))}, " +
            $"p99 {Ms(Percentile(sorted, 99))}, max {Ms(sorted[^1])}");
    }

    // Nearest-rank: the smallest delay that at least p % of the questions did not exceed.
    private static TimeSpan Percentile(TimeSpan[] sorted, int p) => sorted[(int)Math.Ceiling(p / 100.0 * sorted.Length) - 1];

    private static string Ms(TimeSpan delay) => delay.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture);
}
