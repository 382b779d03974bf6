namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>"/invite@SomeBot 2 7" read as name "invite", mention "SomeBot" and arguments "2 7".</summary>
internal sealed record CommandLine(string Name, string? Mention, string Arguments)
{
    public static CommandLine Parse(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? trimmed[1..] : trimmed[1..end];
        var arguments = end < 0 ? "" : trimmed[end..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? new(head, null, arguments) : new(head[..at], head[(at + 1)..], arguments);
    }
}
