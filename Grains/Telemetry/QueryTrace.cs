using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>
/// The <c>sql query</c> span around a customer-database query. The statement is model-written from
/// the user's question and holds no secret, so it is kept (first 500 characters); the connection
/// string never is.
/// </summary>
public static class QueryTrace
{
    public const int MaxStatementLength = 500;

    public static Activity? Start(DatabaseProvider provider, string sql)
    {
        var span = AssistantDiagnostics.Source.StartActivity(SpanNames.SqlQuery, ActivityKind.Client);
        span?.SetTag(SpanTags.DatabaseSystem, DatabaseSystem.Of(provider));
        span?.SetTag(SpanTags.Statement, sql.Length <= MaxStatementLength ? sql : sql[..MaxStatementLength]);
        return span;
    }

    /// <summary>Tags the outcome; refusals, failures and timeouts count as query errors, an unreachable database as a database error.</summary>
    public static void Complete(Activity? span, QueryResult result)
    {
        if (ErrorOf(result.Outcome) is { } kind) AssistantMetrics.Error(kind);
        if (span is null) return;
        span.SetTag(SpanTags.Outcome, result.Outcome.ToString());
        span.SetTag(SpanTags.RowCount, result.Rows.Count);
        if (!result.Succeeded) span.SetStatus(ActivityStatusCode.Error, result.Outcome.ToString());
    }

    private static ErrorKind? ErrorOf(QueryOutcome outcome) => outcome switch
    {
        QueryOutcome.Refused or QueryOutcome.Failed or QueryOutcome.TimedOut => ErrorKind.Query,
        QueryOutcome.Unavailable => ErrorKind.Database,
        _ => null,
    };
}
