using System.Text;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Gateway.Bot.Replies;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>The commands one person may use, with their usage and description, for /start, /help and unknown commands.</summary>
internal static class CommandGuide
{
    /// <summary>How many questions may wait behind the one being answered; the question flow keeps to the same number.</summary>
    public const int WaitingQuestions = 3;

    public static string For(Principal? principal)
    {
        var guide = new StringBuilder("<b>Commands you can use</b>\n");
        foreach (var command in BotCommandCatalog.AvailableTo(principal))
        {
            guide.Append(Texts.Code(command.Usage)).Append(" — ").Append(Texts.Html(command.Description)).Append('\n');
        }
        guide.Append("\n<b>Questions</b>\nAny other message is a question about your active database. ")
            .Append($"Questions sent while I am answering one wait their turn, up to {WaitingQuestions}; ")
            .Append("if more arrive, I tell you I did not take them, and you can send them again once I have answered.");
        if (Sharing(principal) is { } sharing) guide.Append("\n\n<b>Who sees your databases</b>\n").Append(sharing);
        return guide.ToString();
    }

    /// <summary>Whose a database added with /adddb is: the organization's when its owner adds it, otherwise the person's own.</summary>
    private static string? Sharing(Principal? principal) => principal switch
    {
        null => null,
        { Role: UserRole.OrgOwner, OrgId: not null } =>
            "Databases you add with /adddb are shared with your organization: every member can ask about them. "
            + "Databases you added before /createorg stay personal.",
        { Role: UserRole.OrgMember, OrgId: not null } =>
            "Your organization's owner adds its databases, and every member can ask about them; choose one with /selectdb.",
        _ =>
            "Databases you add with /adddb are personal: only you can ask about them. "
            + "If you create an organization, the databases you add from then on are shared with its members; earlier ones stay personal.",
    };
}
