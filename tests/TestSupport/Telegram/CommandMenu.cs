namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// A command menu the bot set with setMyCommands: for whom (the scope's type, e.g. "default" or "chat",
/// and its chat id when it has one) and the command names in order.
/// </summary>
public sealed record CommandMenu(string ScopeType, long? ChatId, IReadOnlyList<string> Commands)
{
    public override string ToString() => $"{ScopeType}{(ChatId is { } chat ? " " + chat : "")}: {string.Join(' ', Commands)}";
}
