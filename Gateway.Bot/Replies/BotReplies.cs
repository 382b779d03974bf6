using OrleansAssistant.Gateway.Bot.Formatting;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Replies;

/// <summary>Sends HTML replies, split to Telegram's size limit; the keyboard goes under the last part.</summary>
internal sealed class BotReplies(ITelegramBotClient bot)
{
    public ITelegramBotClient Bot => bot;

    public async Task<Message> SendAsync(long chatId, string html, CancellationToken cancellationToken, ReplyMarkup? keyboard = null)
    {
        var parts = MessageSplitter.Split(html);
        Message? last = null;
        for (var index = 0; index < parts.Count; index++)
        {
            last = await bot.SendMessage(chatId, parts[index], ParseMode.Html,
                replyMarkup: index == parts.Count - 1 ? keyboard : null,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: cancellationToken);
        }
        return last!;
    }

    /// <summary>Deletes a user's message; best effort, as Telegram refuses when the bot lacks the right or the message is old.</summary>
    public async Task<bool> TryDeleteAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            await bot.DeleteMessage(message.Chat.Id, message.Id, cancellationToken);
            return true;
        }
        catch (RequestException)
        {
            return false;
        }
    }
}
