namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>The <c>--out</c> file: the 100-table protocol's figures and the database-alone ones.</summary>
internal sealed record SchemaLinkingResult(SchemaLinkingFigures Wide, SchemaLinkingFigures Small)
{
    public string Tokenizer => "o200k_base";

    public int WideSchemaTables => WideSchema.Tables;
}
