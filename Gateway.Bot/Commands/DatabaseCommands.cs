using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/adddb and /selectdb. A connection string is a secret: the message carrying it does not stay in the chat.</summary>
internal sealed class DatabaseCommands(IGrainFactory grains, BotReplies replies)
{
    public const string SelectPrefix = "selectdb:";

    private IDatabasesGrain Databases => grains.GetGrain<IDatabasesGrain>(0);

    public async Task AddAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var carriesSecret = request.Arguments.Length > 0;
        if (!request.IsPrivateChat)
        {
            var deleted = carriesSecret && await replies.TryDeleteAsync(request.Message, cancellationToken);
            await replies.SendAsync(request.ChatId,
                "Add databases only in a private chat with me: a connection string holds a password."
                + (deleted ? " I deleted your message." : carriesSecret ? " Please delete your message." : ""), cancellationToken);
            return;
        }

        var reply = await AddReplyAsync(request);
        if (carriesSecret)
        {
            var deleted = await replies.TryDeleteAsync(request.Message, cancellationToken);
            reply += deleted
                ? "\n\nI deleted your message because it contained the connection string."
                : "\n\nPlease delete your message: it contains the connection string.";
        }
        await replies.SendAsync(request.ChatId, reply, cancellationToken);
    }

    public async Task ShowChoiceAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var databases = await Databases.ListUsableAsync(request.UserId);
        if (databases.Count == 0)
        {
            await replies.SendAsync(request.ChatId, "You have no databases yet. Add one with /adddb.", cancellationToken);
            return;
        }
        var buttons = databases.Select(database => new[]
        {
            InlineKeyboardButton.WithCallbackData(database.Name, SelectPrefix + database.DatabaseId),
        });
        await replies.SendAsync(request.ChatId, "Which database should your questions go to?", cancellationToken, new InlineKeyboardMarkup(buttons));
    }

    private async Task<string> AddReplyAsync(CommandRequest request)
    {
        if (request.Decision is { Allowed: false } refusal) return Texts.Html(refusal.Reason);
        if (DatabaseArguments.Parse(request.Arguments) is not { } arguments) return request.UsageHtml + "\n\n" + ConnectionStringForms.Html;

        var result = await Databases.AddAsync(request.UserId, arguments.Name, arguments.ConnectionString);
        if (result is not { Succeeded: true, Database: { } database }) return Texts.Html(result.Message);
        var reply = $"Database {Texts.Bold(database.Name)} added ({Texts.Html(database.Description)}).\n"
            + await WhoMayUseAsync(database) + "\n"
            + (result.IsSelected
                ? "Your questions now go to it."
                : "Your questions still go to the database you chose before; switch with /selectdb.");
        return result.Warning is { } warning ? reply + "\n⚠️ " + Texts.Html(warning) : reply;
    }

    /// <summary>An owner's database is the organization's; anyone else's stays theirs, also after a later /createorg.</summary>
    private async Task<string> WhoMayUseAsync(DatabaseInfo database)
    {
        if (database.OwnerOrgId is not { } orgId) return "It is personal: only you can ask about it, and it stays yours if you create an organization later.";
        var organization = await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync();
        return $"It is shared with your organization{(organization is null ? "" : " " + Texts.Bold(organization.Name))}: every member can ask about it.";
    }
}
