using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>
/// The verified question→SQL library and the glossary of one customer database (key: <c>vq_&lt;database id&gt;</c>).
/// It is the only writer of its rows and keeps them indexed in memory, so finding the examples for a question
/// costs no database read. Curators are the organization's owner for an organization's database, the owner
/// for a personal one, and administrators for the shared demo database; every change is checked against the
/// asker's principal, passed in by the caller.
/// </summary>
[Alias("OrleansAssistant.IVerifiedQueriesGrain")]
public interface IVerifiedQueriesGrain : IGrainWithStringKey
{
    /// <summary>The examples and glossary stage 1 may use for <paramref name="question"/>; the caller has checked access to the database.</summary>
    /// <param name="questionVector">The question's embedding when <c>Model:EmbeddingModel</c> is set (the caller pays for it), else null.</param>
    /// <param name="count">How many similar examples at most.</param>
    /// <remarks>Read-only, so the look-ups of many questions on one database interleave.</remarks>
    [ReadOnly, Alias("LookUp")]
    Task<ExampleLookup> LookUpAsync(string question, float[]? questionVector, int count);

    /// <returns>Null when the asker may not curate this database.</returns>
    [Alias("View")]
    Task<LibraryView?> ViewAsync(Principal asker);

    /// <summary>Checks the SQL with the guard and runs it once (read-only) before saving it as verified.</summary>
    [Alias("Verify")]
    Task<CurationResult> VerifyAsync(Principal asker, ExampleDraft draft);

    /// <summary>Replaces an example's question, SQL and notes (checked like a new one); clears its broken mark.</summary>
    [Alias("Update")]
    Task<CurationResult> UpdateAsync(Principal asker, long exampleId, ExampleDraft draft);

    [Alias("Remove")]
    Task<CurationResult> RemoveAsync(Principal asker, long exampleId);

    /// <summary>Runs SQL through the guarded path for a curator and returns its first rows; nothing is saved.</summary>
    [Alias("Try")]
    Task<CurationResult> TryAsync(Principal asker, string sql);

    /// <summary>Replaces the whole glossary.</summary>
    [Alias("SetGlossary")]
    Task<CurationResult> SetGlossaryAsync(Principal asker, IReadOnlyList<GlossaryEntry> entries);

    /// <summary>Marks an example whose SQL no longer runs; questions then take the normal way until a curator edits it.</summary>
    [Alias("MarkBroken")]
    Task MarkBrokenAsync(long exampleId, string reason);
}
