using OrleansAssistant.Gateway.Bot.Replies;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/org: the owner's menu; each button shows one list (see <see cref="OrganizationLists"/>).</summary>
internal sealed class OrganizationMenu(BotReplies replies)
{
    public const string Prefix = "org:";
    public const string Members = Prefix + "members";
    public const string Invitations = Prefix + "invites";
    public const string Databases = Prefix + "databases";

    public Task ShowAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var keyboard = new InlineKeyboardMarkup(
            InlineKeyboardButton.WithCallbackData("Members", Members),
            InlineKeyboardButton.WithCallbackData("Invite", Invitations),
            InlineKeyboardButton.WithCallbackData("Databases", Databases));
        return replies.SendAsync(request.ChatId, "<b>Your organization</b>\nWhat would you like to see?", cancellationToken, keyboard);
    }
}
