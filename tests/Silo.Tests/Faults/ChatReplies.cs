using OrleansAssistant.Gateway.Bot.Questions;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// What the bot finally said in a private chat to one of a user's questions: the progress message edited
/// into the answer (or into "please retry"), or a message of its own. Progress texts are not final. A final
/// reply belongs to a question when it carries the question's answer token or quotes the question; one that
/// does neither belongs to the question before it in the chat.
/// </summary>
internal sealed class ChatReplies(FakeTelegramServer telegram)
{
    private static readonly HashSet<string> ProgressTexts =
        ["Understanding your question…", "Querying the database…", "Writing the answer…", "Drafting the e-mail…", QuestionTexts.InLine];

    /// <summary>Final replies to the question <paramref name="messageId"/> carrying <paramref name="token"/>; <paramref name="nextMessageId"/> is the user's next message, if any.</summary>
    public IReadOnlyList<SentMessage> FinalsFor(long chatId, int messageId, string token, int? nextMessageId)
    {
        var sent = telegram.SentMessageLog.Snapshot().Where(message => message.ChatId == chatId).ToList();
        var quoted = sent.ToDictionary(message => message.MessageId, message => message.ReplyToMessageId);
        return [.. sent.Concat(telegram.EditedMessageLog.Snapshot().Where(message => message.ChatId == chatId))
            .Where(message => message.MessageId > messageId && !ProgressTexts.Contains(message.Text))
            .Where(message =>
            {
                var quotes = quoted.GetValueOrDefault(message.MessageId);
                var answerToken = TokenModel.TokenIn(message.Text);
                return answerToken == token || quotes == messageId
                    || (answerToken is null && quotes is null && (nextMessageId is null || message.MessageId < nextMessageId));
            })];
    }

    /// <summary>Any message the bot sent in the chat after <paramref name="afterMessageId"/> (a command's reply).</summary>
    public Task<SentMessage> WaitForAnyAsync(long chatId, int afterMessageId, TimeSpan limit) =>
        telegram.WaitForSentMessageAsync(message => message.ChatId == chatId && message.MessageId > afterMessageId, limit);

    /// <returns>The first final reply to the question, or null when none came within <paramref name="limit"/>.</returns>
    public async Task<SentMessage?> WaitForFinalAsync(long chatId, int messageId, string token, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (FinalsFor(chatId, messageId, token, null) is [var first, ..]) return first;
            await Task.Delay(100);
        }
        return null;
    }
}
