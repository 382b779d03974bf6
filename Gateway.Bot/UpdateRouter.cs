using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>Turns one Telegram update into replies; the gateway translates, grains decide.</summary>
internal sealed class UpdateRouter(ITelegramBotClient bot)
{
    internal const string NotOpenYet = "Orleans Assistant is not taking questions yet. Please check back soon.";

    public Task RouteAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { Text: not null } message } => bot.SendMessage(message.Chat.Id, NotOpenYet, cancellationToken: cancellationToken),
        _ => Task.CompletedTask,
    };
}
