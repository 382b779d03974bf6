using System.Diagnostics.CodeAnalysis;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>Either a usable <see cref="Connection"/> or an <see cref="Error"/> sentence fit for the user (never echoing the input).</summary>
public sealed record ConnectionParseResult
{
    private ConnectionParseResult(CustomerConnection? connection, string? error) => (Connection, Error) = (connection, error);

    public CustomerConnection? Connection { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Connection))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Connection is not null;

    public static ConnectionParseResult Success(CustomerConnection connection) => new(connection, null);

    public static ConnectionParseResult Failure(string error) => new(null, error);
}
