namespace OrleansAssistant.Grains.Telemetry;

/// <summary>Names of our spans: one per pipeline stage, so a trace reads like the pipeline.</summary>
public static class SpanNames
{
    public const string Question = "question";
    public const string SqlQuery = "sql query";
    public const string SchemaRead = "schema read";

    /// <summary>"stage 1 summary", "stage 1 repair", "stage 2 answer", "stage 3 email".</summary>
    public static string Stage(int number, string name) => $"stage {number} {name}";
}
