using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>The <c>schema read</c> span: the pipeline's first contact with a customer database.</summary>
public static class SchemaTrace
{
    public static Activity? Start(DatabaseProvider provider)
    {
        var span = AssistantDiagnostics.Source.StartActivity(SpanNames.SchemaRead, ActivityKind.Client);
        span?.SetTag(SpanTags.DatabaseSystem, DatabaseSystem.Of(provider));
        return span;
    }

    public static void Cached(Activity? span) => span?.SetTag(SpanTags.SchemaCached, true);

    /// <summary>The database could not be read: one database error.</summary>
    public static void Fail(Activity? span, Exception error)
    {
        AssistantMetrics.Error(ErrorKind.Database);
        span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }
}
