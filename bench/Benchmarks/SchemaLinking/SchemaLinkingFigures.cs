namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>One schema shape's figures over all questions, as written to <c>--out</c>.</summary>
/// <param name="AllGoldPickedPercent">Questions whose every gold table was in the prompt, in percent.</param>
/// <param name="MeanGoldShare">Mean over questions of the share of gold tables picked (0–1).</param>
/// <param name="SchemaTokenRatio">All prompts' schema-text tokens over all full schema texts' tokens (o200k).</param>
internal sealed record SchemaLinkingFigures(
    int Questions,
    double AllGoldPickedPercent,
    double MeanGoldShare,
    double MeanTablesInPrompt,
    int P95TablesInPrompt,
    double SchemaTokenRatio,
    double MeanPromptSchemaTokens,
    double MeanFullSchemaTokens)
{
    public static SchemaLinkingFigures Of(IReadOnlyList<LinkedQuestion> linked)
    {
        if (linked.Count == 0) throw new ArgumentException("At least one question is needed.", nameof(linked));
        var tables = linked.Select(question => question.TablesInPrompt).Order().ToArray();
        // Nearest rank, like the latency percentiles: a table count some question really had.
        var p95 = tables[Math.Max(0, (int)Math.Ceiling(0.95 * tables.Length) - 1)];
        double promptTokens = linked.Sum(question => (long)question.PromptSchemaTokens);
        double fullTokens = linked.Sum(question => (long)question.FullSchemaTokens);
        return new SchemaLinkingFigures(
            linked.Count,
            100.0 * linked.Count(question => question.MissedTables.Count == 0) / linked.Count,
            linked.Average(question => question.GoldShare),
            tables.Average(),
            p95,
            fullTokens == 0 ? 0 : promptTokens / fullTokens,
            promptTokens / linked.Count,
            fullTokens / linked.Count);
    }
}
