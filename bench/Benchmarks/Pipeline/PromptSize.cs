namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Stage 1's prompt on one database: all message contents of the request, with tokens counted as the product counts them
/// (<see cref="Grains.Questions.TokenEstimate"/>, o200k).
/// </summary>
/// <param name="Selection">How the schema part was chosen; "none" rows are computed, not sent.</param>
/// <param name="CountMicroseconds">Counting this prompt's tokens once (mean of repeated counts after a warm-up).</param>
internal sealed record PromptSize(
    string Database,
    string Selection,
    int SchemaTables,
    int PromptTables,
    int SchemaChars,
    int PromptChars,
    int SchemaTokens,
    int PromptTokens,
    double CountMicroseconds);
