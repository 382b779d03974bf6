namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// The guard's decision about one SQL text: whether it may run, what kind of statement it is and,
/// when refused, one user-facing sentence saying why.
/// </summary>
public sealed record GuardVerdict(bool Allowed, StatementKind Kind, string? Refusal)
{
    internal static GuardVerdict Allow(StatementKind kind) => new(true, kind, null);

    internal static GuardVerdict Refuse(string refusal, StatementKind kind = StatementKind.Query) => new(false, kind, refusal);
}
