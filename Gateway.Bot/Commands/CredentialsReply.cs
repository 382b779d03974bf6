using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>Dashboard credentials go only to a private chat: a group would show the password to everyone in it.</summary>
internal sealed class CredentialsReply(BotReplies replies)
{
    public Task SendAsync(CommandRequest request, DashboardCredentials? credentials, CancellationToken cancellationToken) =>
        SendAsync(request.ChatId, request.IsPrivateChat, credentials, cancellationToken);

    public Task SendAsync(long chatId, bool isPrivateChat, DashboardCredentials? credentials, CancellationToken cancellationToken)
    {
        if (credentials is null) return Task.CompletedTask;
        if (!isPrivateChat)
        {
            return replies.SendAsync(chatId,
                "Your dashboard login is only sent in a private chat: open a private chat with me and send /resetpassword.", cancellationToken);
        }
        var text = "<b>Your dashboard login</b>\n"
            + $"Username: {Texts.Code(credentials.Username)}\n"
            + $"Password: {Texts.Code(credentials.Password)}\n"
            + "Keep it safe; /resetpassword gives you a new one.";
        return replies.SendAsync(chatId, text, cancellationToken);
    }
}
