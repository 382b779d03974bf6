using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting.Resilience;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>Finds the command, reads the sender's fresh principal, applies the policy and hands over to the command's handler.</summary>
internal sealed class CommandRouter(
    IGrainFactory grains,
    BotIdentity identity,
    BotReplies replies,
    StartCommands start,
    OrganizationCommands organization,
    OrganizationMenu menu,
    DatabaseCommands databases,
    AccountCommands account,
    TimeZoneCommands timeZones,
    Schedules.ScheduleCommands schedules,
    CommandMenus menus,
    Memberships.LeaveCommand leave,
    ClusterCallRetry retry)
{
    /// <summary>Commands after which the sender's role may differ: their menu is set from the role read afresh.</summary>
    private static readonly HashSet<string> RoleChanging = ["createorg", "join", "leave"];

    public async Task RouteAsync(Message message, string text, CancellationToken cancellationToken)
    {
        if (message.From is not { } from) return;
        var line = CommandLine.Parse(text);
        // In groups, "/help@OtherBot" is for another bot.
        if (!identity.IsAddressedToMe(line.Mention)) return;

        var command = BotCommandCatalog.Find(line.Name);
        await RecordAsync(from.Id, command, line.Name);
        if (command?.Name == "start")
        {
            await start.StartAsync(message, from, line.Arguments, cancellationToken);
            return;
        }

        // The first call to the sender's grain, and a pure read: the one worth retrying while a dead silo is being replaced.
        // Commands themselves change things and are never repeated; a later failure asks the person to send again.
        var user = grains.GetGrain<IUserGrain>(from.Id);
        var principal = await retry.RunAsync("Reading the sender's rights", $"chat {message.Chat.Id}", user.GetPrincipalAsync, cancellationToken);
        // A join interrupted before it reached the person's own record left them standalone with traces elsewhere
        // (roster entry, login, invitation use): their next command takes those back, so they can join again cleanly.
        if (principal is { OrgId: null }) await grains.GetGrain<IMembershipGrain>(0).RepairUnfinishedJoinAsync(from.Id);
        await RunAsync(message, from, command, line, principal, cancellationToken);
        // A group's menu is everyone's there; only a private chat gets the sender's own.
        if (message.Chat.Type != ChatType.Private) return;
        if (command is not null && RoleChanging.Contains(command.Name)) await menus.ShowCurrentAsync(message.Chat.Id, from.Id, cancellationToken);
        else await menus.ShowAsync(message.Chat.Id, principal, cancellationToken);
    }

    private async Task RunAsync(Message message, User from, AssistantCommand? command, CommandLine line, Principal? principal, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            var unknown = $"I don't know {Texts.Code("/" + line.Name)}.\n\n" + CommandGuide.For(principal);
            await replies.SendAsync(message.Chat.Id, unknown, cancellationToken);
            return;
        }

        var request = new CommandRequest(message, from, command, line.Arguments, principal);
        // /adddb decides itself, because its message must be deleted whatever the outcome.
        if (command.Name == "adddb")
        {
            await databases.AddAsync(request, cancellationToken);
            return;
        }
        if (request.Decision is { Allowed: false } refusal)
        {
            await replies.SendAsync(request.ChatId, Texts.Html(refusal.Reason), cancellationToken);
            return;
        }

        await (command.Name switch
        {
            "help" => replies.SendAsync(request.ChatId, CommandGuide.For(principal), cancellationToken),
            "createorg" => organization.CreateAsync(request, cancellationToken),
            "org" => menu.ShowAsync(request, cancellationToken),
            "orginfo" => organization.InfoAsync(request, cancellationToken),
            "invite" => organization.InviteAsync(request, cancellationToken),
            "join" => organization.JoinAsync(request, cancellationToken),
            "leave" => leave.AskAsync(request, cancellationToken),
            "resetpassword" => organization.ResetPasswordAsync(request, cancellationToken),
            "selectdb" => databases.ShowChoiceAsync(request, cancellationToken),
            "myinfo" => account.MyInfoAsync(request, cancellationToken),
            "timezone" => timeZones.TimeZoneAsync(request, cancellationToken),
            "schedules" => schedules.ListAsync(request, cancellationToken),
            "clear" => account.ClearAsync(request, cancellationToken),
            "history" => account.HistoryAsync(request, cancellationToken),
            "stats" => account.StatsAsync(request, cancellationToken),
            _ => replies.SendAsync(request.ChatId, CommandGuide.For(principal), cancellationToken),
        });
    }

    /// <summary>Every command lands in the activity log: its name only, never its arguments (they can hold secrets).</summary>
    private Task RecordAsync(long userId, AssistantCommand? command, string name) =>
        grains.GetGrain<IActivityLogGrain>(0).RecordCommandAsync(userId, command?.Name ?? $"unknown:{name[..Math.Min(name.Length, 32)]}");
}
