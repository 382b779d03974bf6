using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>A database's verified examples (broken ones with their reason) and its glossary.</summary>
public sealed record LibraryPage(string DatabaseId, string DatabaseName, IReadOnlyList<VerifiedExample> Examples, IReadOnlyList<GlossaryEntry> Glossary);

/// <summary>An example after verifying or editing it; <see cref="AlreadyVerified"/>: the same question and SQL were already there, nothing changed.</summary>
public sealed record ExampleSaved(VerifiedExample? Example, bool AlreadyVerified, string Message);

/// <summary>The first rows of a trial run; values are invariant text read by their column's kind.</summary>
public sealed record TrialRows(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, bool Truncated)
{
    public static TrialRows From(QueryResult? preview) => preview is null ? new([], [], false) : new(preview.Columns, preview.Rows, preview.Truncated);
}

public sealed record GlossaryPage(IReadOnlyList<GlossaryEntry> Glossary);

public sealed record ExampleRequest(string? Question, string? Sql, string? Notes, string? ConversationId);

public sealed record TrialRequest(string? Sql);

public sealed record GlossaryLineRequest(string? Term, string? Meaning);
