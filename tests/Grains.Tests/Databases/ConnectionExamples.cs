namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The example connection strings a refusal must show (at least one of them).</summary>
internal static class ConnectionExamples
{
    public static readonly string[] All =
    [
        "postgresql://user:password@host:5432/database",
        "mysql://user:password@host:3306/database",
        "Server=host;Database=db;User Id=user;Password=secret",
        "sqlite:///sales.db",
    ];
}
