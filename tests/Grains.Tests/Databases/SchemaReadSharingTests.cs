using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Telemetry;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.Grains.Tests.Telemetry;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Questions that need a database's schema while it is being read wait for that read; none reads it again.</summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class SchemaReadSharingTests(QuestionSiloFixture fixture)
{
    private static readonly ActivitySource TestSource = new(TelemetryRecorder.TestSourceName);

    [Fact]
    public async Task ConcurrentSchemaRequests_DuringARead_ShareIt()
    {
        const int callers = 8;
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        var principal = await asker.User.GetPrincipalAsync();
        var database = fixture.Grains.GetGrain<IDatabaseConnectionGrain>(asker.DatabaseId);
        var calls = fixture.Calls.Count(database.GetGrainId(), "IDatabaseConnectionGrain.GetSchemaAsync");

        // Another writer holds the file: the first read waits for it, and the other callers arrive while it waits.
        await using var writer = new SqliteConnection($"Data Source={asker.DatabasePath};Pooling=False");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        ActivityContext caller;
        Task<DatabaseSchema?[]> reading;
        using (var parent = TestSource.StartActivity("test reads the schema"))
        {
            caller = parent!.Context;
            reading = Task.WhenAll(Enumerable.Range(0, callers).Select(_ => database.GetSchemaAsync(principal, refresh: true)));
        }
        await fixture.Calls.ReachedAsync(database.GetGrainId(), "IDatabaseConnectionGrain.GetSchemaAsync", calls + callers).WaitAsync(TimeSpan.FromSeconds(30));
        // Turns of one grain run one after another: once this call is answered, every schema request has reached its read.
        await database.GetInfoAsync();
        await using (var commit = writer.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        var schemas = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(schemas, schema => Assert.Contains(schema!.Tables, table => table.Name == "customers"));
        var reads = recorder.Spans(caller.TraceId).Where(span => span.OperationName == SpanNames.SchemaRead).ToArray();
        Assert.Equal(callers, reads.Length);
        Assert.Single(reads, span => span.GetTagItem(SpanTags.SchemaCached) is null);
    }
}
