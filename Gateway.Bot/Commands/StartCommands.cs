using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/start: registers (or refreshes) the person, welcomes them, and follows an invitation link when it carries one.</summary>
internal sealed class StartCommands(IGrainFactory grains, BotReplies replies, OrganizationCommands organization, CommandMenus menus)
{
    private const string JoinPrefix = "join_";

    public async Task StartAsync(Message message, User from, string arguments, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserGrain>(from.Id);
        var info = await user.RegisterAsync(new TelegramProfile(from.Id, from.Username, from.FirstName, from.LastName, from.LanguageCode));
        var principal = await user.GetPrincipalAsync();

        if (arguments.StartsWith(JoinPrefix, StringComparison.Ordinal))
        {
            var command = BotCommandCatalog.Find("join")!;
            var request = new CommandRequest(message, from, command, arguments[JoinPrefix.Length..], principal);
            await organization.JoinCheckedAsync(request, cancellationToken);
            if (request.IsPrivateChat) await menus.ShowCurrentAsync(message.Chat.Id, from.Id, cancellationToken);
            return;
        }

        var welcome = $"Welcome, {Texts.Html(info.Profile.FirstName)}! Ask me about your company's data in plain words, "
            + "and I will query the database and answer.\n\n";
        if (principal is not null && await OfferedDatabaseNote.ForAsync(grains, info, principal) is { } note) welcome += note + "\n\n";
        welcome += CommandGuide.For(principal);
        await replies.SendAsync(message.Chat.Id, welcome, cancellationToken);
        if (message.Chat.Type == ChatType.Private) await menus.ShowAsync(message.Chat.Id, principal, cancellationToken, always: true);
    }
}
