namespace OrleansAssistant.Grains.Storage.Batching;

/// <summary>Rows one caller adds to the app database, written in whichever batch's transaction <see cref="GroupCommit"/> puts them.</summary>
public abstract class BatchedWrite
{
    /// <summary>Rows the write adds: what counts towards <see cref="GroupCommitSettings.MaxRows"/>.</summary>
    public abstract int Rows { get; }

    /// <summary>
    /// Writes that share rows with other callers (running totals) add to them here, once per batch for all its writes of the
    /// same finisher, after every write's own rows: shared rows stay locked the shortest time, and in one fixed order.
    /// </summary>
    public virtual IBatchFinisher? Finisher => null;

    /// <summary>Adds the statements that write this caller's own rows.</summary>
    public abstract void Write(StatementBatch statements);
}

/// <summary>Adds the shared rows of several writes of one kind at once (see <see cref="BatchedWrite.Finisher"/>).</summary>
public interface IBatchFinisher
{
    void Finish(StatementBatch statements, IReadOnlyList<BatchedWrite> writes);
}
