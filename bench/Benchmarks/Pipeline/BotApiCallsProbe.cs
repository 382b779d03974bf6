using System.Globalization;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Whole questions through the bot, against a fake Telegram that enforces flood control: how many paced
/// Bot API calls (typing, messages, edits, deletions) one question costs, with the instant model and with
/// stage 1 held long enough for the progress message to show.
/// </summary>
internal sealed class BotApiCallsProbe(IGrainFactory grains, FakeTelegramServer telegram, FakeModelServer model)
{
    public const int Questions = 20;

    /// <summary>Longer than the gateway's 1 s before a progress message.</summary>
    public static readonly TimeSpan SlowStageOne = TimeSpan.FromMilliseconds(1500);

    private static readonly string[] PacedMethods = ["sendChatAction", "sendMessage", "editMessageText", "deleteMessage"];

    // Apart from the other phases' users, whose questions already fill their history.
    private const long FirstId = 9_200_000_000;

    public async Task<BotApiCallsResult> MeasureAsync(string shape, long firstUser, TimeSpan? holdStageOne, CancellationToken cancellationToken)
    {
        var users = await RegisterAsync(firstUser);
        foreach (var userId in users)
        {
            if (holdStageOne is { } hold) model.EnqueueDelay(hold);
            var messageId = telegram.EnqueueUserMessage(userId, userId, QuestionAsker.SalesByRegion);
            await telegram.ShownMessageLog.WaitForAsync(message => message.ChatId == userId && message.MessageId > messageId
                && message.Text.Contains(InstantModel.AnswerText, StringComparison.Ordinal), TimeSpan.FromSeconds(30), $"answer in chat {userId}")
                .WaitAsync(cancellationToken);
        }
        // Calls still under way for the last chat (none should be) land before counting.
        await Task.Delay(500, cancellationToken);
        var chats = users.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var calls = telegram.Requests.Snapshot()
            .Where(call => PacedMethods.Contains(call.Method) && chats.Contains(call.Parameters.GetValueOrDefault("chat_id") ?? ""))
            .GroupBy(call => call.Method)
            .ToDictionary(group => group.Key, group => Math.Round((double)group.Count() / users.Length, 2));
        return new BotApiCallsResult(shape, users.Length, Math.Round(calls.Values.Sum(), 2), calls);
    }

    public static long FirstUserOf(int phase) => FirstId + phase * 1_000;

    private async Task<long[]> RegisterAsync(long firstUser)
    {
        var ids = Enumerable.Range(0, Questions).Select(i => firstUser + i).ToArray();
        var databases = grains.GetGrain<IDatabasesGrain>(0);
        foreach (var id in ids)
        {
            await grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, "bench", "Bench", null, "en"));
            var selected = await databases.SelectAsync(id, DemoSalesDatabase.DatabaseId);
            if (!selected.Succeeded) throw new InvalidOperationException($"Selecting Demo Sales failed: {selected.Message}");
        }
        return ids;
    }
}
