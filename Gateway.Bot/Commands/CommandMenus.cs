using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>
/// Telegram's command menu of each private chat lists only what that person may run, the same list
/// as /help. The gateway remembers which list it last set per chat and sets it again whenever the
/// person's rights differ, so a change made elsewhere (a removal on the dashboard) shows at their
/// next command or button press. The memory is only a saving: after a restart the first command
/// sets the menu once more.
/// </summary>
internal sealed partial class CommandMenus(ITelegramBotClient bot, IGrainFactory grains, ILogger<CommandMenus> logger)
{
    private readonly ConcurrentDictionary<long, string> _shown = new();

    /// <summary>Sets the menu of private chat <paramref name="chatId"/> for <paramref name="principal"/> unless it already shows that list.</summary>
    /// <param name="always">Set it even when it seems to be set (on /start: the person may have cleared the chat).</param>
    public async Task ShowAsync(long chatId, Principal? principal, CancellationToken cancellationToken, bool always = false)
    {
        var commands = BotCommandCatalog.AvailableTo(principal);
        var list = string.Join(' ', commands.Select(command => command.Name));
        if (!always && _shown.TryGetValue(chatId, out var shown) && shown == list) return;
        try
        {
            await bot.SetMyCommands(commands.Select(command => new BotCommand(command.Name, command.Description)), BotCommandScope.Chat(chatId),
                cancellationToken: cancellationToken);
            // A handful of different lists exist; one shared copy of each keeps a chat's entry small.
            _shown[chatId] = string.Intern(list);
        }
        catch (RequestException error)
        {
            // The menu is a convenience: commands work without it, so the reply the person waits for goes on.
            LogMenuNotSet(logger, chatId, error.Message);
        }
    }

    /// <summary>After a command that can change the person's role (create, join): the menu for their rights as they are now.</summary>
    public async Task ShowCurrentAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        Principal? principal;
        try
        {
            principal = await grains.GetGrain<IUserGrain>(userId).GetPrincipalAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The command itself succeeded; the next one sets the menu.
            LogMenuNotSet(logger, chatId, error.Message);
            return;
        }
        await ShowAsync(chatId, principal, cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Warning, "The command menu of chat {ChatId} was not set ({Reason}); commands still work")]
    private static partial void LogMenuNotSet(ILogger logger, long chatId, string reason);
}
