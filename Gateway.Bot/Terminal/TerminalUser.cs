using System.Globalization;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>The person typing in the terminal, as Telegram would describe them.</summary>
public sealed record TerminalUser(long Id, string FirstName)
{
    public const string DefaultName = "Terminal user";

    /// <summary>Where charts and exported files are written (<c>--files &lt;folder&gt;</c>; default <c>chat-files</c> in the working directory).</summary>
    public string FilesFolder { get; init; } = Path.GetFullPath("chat-files");

    /// <summary>Reads <c>--user &lt;id&gt;</c> (required, numeric) and <c>--name &lt;first name&gt;</c>; other arguments are left to configuration.</summary>
    /// <returns>The user, or null with a one-line <paramref name="error"/>.</returns>
    public static TerminalUser? Parse(IReadOnlyList<string> args, out string? error)
    {
        var id = ValueOf(args, "--user");
        var name = ValueOf(args, "--name");
        error = id switch
        {
            null => "chat: --user <telegram user id> is required, e.g. chat --user 1001",
            _ when !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 =>
                $"chat: --user must be a positive number (got '{id}')",
            _ when name is { Length: 0 } => "chat: --name must not be empty",
            _ => null,
        };
        var files = ValueOf(args, "--files");
        if (error is null && files is { Length: 0 }) error = "chat: --files must name a folder";
        if (error is not null) return null;
        var user = new TerminalUser(long.Parse(id!, CultureInfo.InvariantCulture), name ?? DefaultName);
        return files is null ? user : user with { FilesFolder = Path.GetFullPath(files) };
    }

    private static string? ValueOf(IReadOnlyList<string> args, string option)
    {
        for (var index = 0; index < args.Count; index++)
        {
            if (args[index] == option) return index + 1 < args.Count ? args[index + 1].Trim() : "";
            if (args[index].StartsWith(option + "=", StringComparison.Ordinal)) return args[index][(option.Length + 1)..].Trim();
        }
        return null;
    }
}
