namespace OrleansAssistant.Grains.Telemetry;

/// <summary>Tag names on our spans: OpenTelemetry's semantic conventions where one exists, <c>assistant.*</c> otherwise.</summary>
public static class SpanTags
{
    public const string UserId = "assistant.user_id";
    public const string OrgId = "assistant.org_id";
    public const string Outcome = "assistant.outcome";
    public const string Way = "assistant.way";
    public const string CostUsd = "assistant.cost_usd";
    public const string SchemaCached = "assistant.schema_cached";
    public const string Model = "gen_ai.request.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string ReasoningTokens = "gen_ai.usage.reasoning_tokens";
    public const string DatabaseSystem = "db.system";
    public const string Statement = "db.statement";
    public const string RowCount = "db.response.returned_rows";
}
