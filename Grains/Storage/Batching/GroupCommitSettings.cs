namespace OrleansAssistant.Grains.Storage.Batching;

/// <summary>How the silo gathers app-database writes into shared transactions (<c>AppDatabase:GroupCommit*</c>).</summary>
public sealed record GroupCommitSettings
{
    public static readonly GroupCommitSettings Default = new();

    /// <summary>
    /// <c>AppDatabase:GroupCommitWindowMs</c> (default 20): how long the first write of a batch waits for others to join it.
    /// 0 commits whatever is waiting at once.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary><c>AppDatabase:GroupCommitMaxRows</c> (default 200): a batch holding this many rows commits without waiting out the window.</summary>
    public int MaxRows { get; init; } = 200;
}
