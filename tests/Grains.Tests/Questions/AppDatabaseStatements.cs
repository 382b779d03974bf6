using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// Every statement the PostgreSQL driver runs against one database in this process, taken from the driver's own trace
/// (its <c>Npgsql</c> activity source), so a test can count the reads the silo really makes.
/// </summary>
public sealed class AppDatabaseStatements : IDisposable
{
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly ActivityListener _listener;

    public AppDatabaseStatements(string databaseName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // The tag names follow the OpenTelemetry conventions of the driver's version; both generations are read.
                var database = (activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string;
                if (database != databaseName) return;
                if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string statement) _statements.Enqueue(statement);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The statements run so far, in the order they finished.</summary>
    public IReadOnlyList<string> All => [.. _statements];

    public void Dispose() => _listener.Dispose();
}
