using OrleansAssistant.Gateway.Bot.Questions;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// What the bot finally said in a private chat after a user's message: the progress message edited
/// into the answer (or into "please retry"), or a message of its own. Progress texts are not final.
/// </summary>
internal sealed class ChatReplies(FakeTelegramServer telegram)
{
    private static readonly HashSet<string> ProgressTexts =
        ["Understanding your question…", "Querying the database…", "Writing the answer…", "Drafting the e-mail…", QuestionTexts.InLine];

    /// <summary>Final replies in the chat between two of the user's messages (<paramref name="beforeMessageId"/> null: up to now).</summary>
    public IReadOnlyList<SentMessage> FinalsBetween(long chatId, int afterMessageId, int? beforeMessageId) =>
        [.. telegram.SentMessageLog.Snapshot().Concat(telegram.EditedMessageLog.Snapshot())
            .Where(message => message.ChatId == chatId && message.MessageId > afterMessageId
                && (beforeMessageId is null || message.MessageId < beforeMessageId)
                && !ProgressTexts.Contains(message.Text))];

    /// <summary>Any message the bot sent in the chat after <paramref name="afterMessageId"/> (a command's reply).</summary>
    public Task<SentMessage> WaitForAnyAsync(long chatId, int afterMessageId, TimeSpan limit) =>
        telegram.WaitForSentMessageAsync(message => message.ChatId == chatId && message.MessageId > afterMessageId, limit);

    /// <returns>The first final reply, or null when none came within <paramref name="limit"/>.</returns>
    public async Task<SentMessage?> WaitForFinalAsync(long chatId, int afterMessageId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (FinalsBetween(chatId, afterMessageId, null) is [var first, ..]) return first;
            await Task.Delay(100);
        }
        return null;
    }
}
