namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Stage 1's prompt on one database: all message contents of the request. Tokens are estimated as
/// characters / 4, not counted by a tokenizer.
/// </summary>
/// <param name="Selection">How the schema part was chosen; "none" rows are computed, not sent.</param>
internal sealed record PromptSize(
    string Database,
    string Selection,
    int SchemaTables,
    int PromptTables,
    int SchemaChars,
    int PromptChars)
{
    public int ApproxTokens => (int)Math.Round(PromptChars / 4.0);
}
