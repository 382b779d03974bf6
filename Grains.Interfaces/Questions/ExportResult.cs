namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>How an export of an answer's rows ended.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ExportStatus")]
public enum ExportStatus
{
    /// <summary>The file is in <see cref="ExportResult.File"/>.</summary>
    Ready = 0,
    /// <summary>The same file was just made for a press a moment ago; nothing new was sent.</summary>
    Duplicate = 1,
    /// <summary>No such answer of the asker's (another person's answers are answered the same way).</summary>
    NotFound = 2,
    /// <summary>The answer is older than the export window: ask the question again.</summary>
    Expired = 3,
    /// <summary>The answer ran no query, so there are no rows to export.</summary>
    NoRows = 4,
    /// <summary>The asker may not use the database any more.</summary>
    AccessDenied = 5,
    DatabaseUnavailable = 6,
    /// <summary>The query failed, timed out or was refused now; <see cref="ExportResult.Problem"/> says why.</summary>
    QueryFailed = 7,
    /// <summary>The file would exceed what can be sent (<see cref="ExportResult.Bytes"/>).</summary>
    TooLarge = 8,
}

/// <summary>An answer's rows as a file, or why there is none. <see cref="Rows"/> is the row count of the file.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ExportResult")]
public sealed record ExportResult(
    [property: Id(0)] ExportStatus Status,
    [property: Id(1)] byte[]? File = null,
    [property: Id(2)] string? FileName = null,
    [property: Id(3)] string? MediaType = null,
    [property: Id(4)] int Rows = 0,
    [property: Id(5)] bool Truncated = false,
    [property: Id(6)] long Bytes = 0,
    [property: Id(7)] string? Problem = null);
