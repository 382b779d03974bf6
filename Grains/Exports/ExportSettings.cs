namespace OrleansAssistant.Grains.Exports;

/// <summary>Limits of answer exports (<c>Exports:MaxRows</c>); the answers themselves keep their 1,000-row cap.</summary>
public sealed record ExportSettings
{
    public static readonly ExportSettings Default = new();

    /// <summary>Rows one export may hold; the query stops reading there and the file says so by its row count.</summary>
    public int MaxRows { get; init; } = 50_000;

    /// <summary>Telegram's upload limit for bots; a larger file is refused rather than sent.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>How long after the question its export buttons work.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A second press of the same button within this time gets no second file.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromSeconds(10);
}
