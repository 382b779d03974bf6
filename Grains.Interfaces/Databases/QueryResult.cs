namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>How a cell's text should be read back: the JSON type it stands for.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ValueKind")]
public enum ValueKind
{
    Text = 0,
    Integer = 1,
    /// <summary>An exact decimal, as invariant-culture text (never rounded through a double).</summary>
    Decimal = 2,
    Float = 3,
    Boolean = 4,
    /// <summary>ISO-8601 text.</summary>
    DateTime = 5,
    /// <summary>Binary data, shown only as its length.</summary>
    Binary = 6,
}

[GenerateSerializer, Immutable, Alias("OrleansAssistant.ResultColumn")]
public sealed record ResultColumn(
    [property: Id(0)] string Name,
    [property: Id(1)] ValueKind Kind);

[GenerateSerializer, Alias("OrleansAssistant.QueryOutcome")]
public enum QueryOutcome
{
    Succeeded = 0,
    /// <summary>The SQL was refused before it ran (not a single read-only statement, or not allowed).</summary>
    Refused = 1,
    /// <summary>The database ran it and reported an error (e.g. unknown column): a repair round may help.</summary>
    Failed = 2,
    TimedOut = 3,
    /// <summary>The database could not be reached.</summary>
    Unavailable = 4,
    /// <summary>The asker may not use this database.</summary>
    AccessDenied = 5,
    /// <summary>Too many queries of this user are running at once.</summary>
    Busy = 6,
}

/// <summary>
/// Rows of a guarded query. Values are invariant-culture text (null for NULL) read according to
/// the column's <see cref="ValueKind"/>. At most the row cap is returned; <see cref="Truncated"/>
/// says more existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.QueryResult")]
public sealed record QueryResult(
    [property: Id(0)] QueryOutcome Outcome,
    [property: Id(1)] string? Message,
    [property: Id(2)] IReadOnlyList<ResultColumn> Columns,
    [property: Id(3)] IReadOnlyList<IReadOnlyList<string?>> Rows,
    [property: Id(4)] bool Truncated,
    [property: Id(5)] int? RowsAffected,
    [property: Id(6)] TimeSpan Duration)
{
    public bool Succeeded => Outcome == QueryOutcome.Succeeded;

    public static QueryResult Problem(QueryOutcome outcome, string message, TimeSpan duration = default) =>
        new(outcome, message, [], [], false, null, duration);
}
