using OrleansAssistant.Gateway.Bot.Replies;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>The connection string forms /adddb accepts, shown with its usage line so nobody has to guess the syntax.</summary>
internal static class ConnectionStringForms
{
    private static readonly (string Provider, string Example)[] Examples =
    [
        ("PostgreSQL", "postgresql://user:password@host:5432/database"),
        ("MySQL / MariaDB", "mysql://user:password@host:3306/database"),
        ("SQL Server", "Server=host;Database=db;User Id=user;Password=secret;TrustServerCertificate=true"),
        ("SQLite", "sqlite:///sales.db"),
    ];

    public static string Html { get; } =
        "Connection strings I accept:\n" + string.Join('\n', Examples.Select(form => $"• {Texts.Html(form.Provider)}: {Texts.Code(form.Example)}"));
}
