namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>One question's outcome: which gold tables the picker left out, the prompt's tables and schema tokens against the whole schema's.</summary>
internal sealed record LinkedQuestion(SpiderQuestion Question, IReadOnlyList<string> MissedTables, int TablesInPrompt, int PromptSchemaTokens, int FullSchemaTokens)
{
    /// <summary>Share of the gold tables that were picked; a question reading no table counts as fully linked.</summary>
    public double GoldShare
    {
        get
        {
            var gold = Question.GoldTables.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            return gold == 0 ? 1 : 1 - (double)MissedTables.Count / gold;
        }
    }
}
