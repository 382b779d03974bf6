using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>One command as typed: who sent it where, the text after the command, and the sender's fresh principal.</summary>
internal sealed record CommandRequest(Message Message, User From, AssistantCommand Command, string Arguments, Principal? Principal)
{
    public long ChatId => Message.Chat.Id;

    public long UserId => From.Id;

    public bool IsPrivateChat => Message.Chat.Type == ChatType.Private;

    /// <summary>The policy's answer for this person and command.</summary>
    public AuthorizationDecision Decision => Command.CheckFor(Principal);

    /// <summary>The usage line of the command, for malformed arguments.</summary>
    public string UsageHtml => "Usage: " + Replies.Texts.Code(Command.Usage);
}
