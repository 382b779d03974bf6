using System.Text;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Gateway.Bot.Replies;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>The commands one person may use, with their usage and description, for /start, /help and unknown commands.</summary>
internal static class CommandGuide
{
    public static string For(Principal? principal)
    {
        var guide = new StringBuilder("<b>Commands you can use</b>\n");
        foreach (var command in BotCommandCatalog.AvailableTo(principal))
        {
            guide.Append(Texts.Code(command.Usage)).Append(" — ").Append(Texts.Html(command.Description)).Append('\n');
        }
        guide.Append("\nAny other message is a question about your active database.");
        return guide.ToString();
    }
}
