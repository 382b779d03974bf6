using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Tests.Costs;
using OrleansAssistant.Grains.VerifiedQueries;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

/// <summary>The library's rows in each app dialect: ids come back from the insert, and every field survives a reload.</summary>
public abstract class VerifiedExampleStoreTests(CostDatabase fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private VerifiedExampleStore Store => new(fixture.Database);

    [Fact]
    public async Task Examples_GetNewIds_AndReloadExactlyWithTheirEmbedding()
    {
        var databaseId = NewDatabaseId();
        var first = await Store.InsertAsync(Example(databaseId, "Customers by city"), new StoredEmbedding([0.25f, -1.5f, 3f], "embed-1"), CancellationToken.None);
        var second = await Store.InsertAsync(Example(databaseId, "Orders in 2024") with { Notes = "fiscal year" }, null, CancellationToken.None);

        var loaded = await Store.LoadExamplesAsync(databaseId, CancellationToken.None);

        Assert.True(second.ExampleId > first.ExampleId);
        Assert.Equal([first, second], loaded.Select(stored => stored.Example));
        Assert.Equal([0.25f, -1.5f, 3f], loaded[0].Embedding!.Vector);
        Assert.Equal("embed-1", loaded[0].Embedding!.Model);
        Assert.Null(loaded[1].Embedding);
        Assert.Empty(await Store.LoadExamplesAsync(NewDatabaseId(), CancellationToken.None));
    }

    [Fact]
    public async Task Update_BrokenMark_AndDelete_TouchOnlyTheirOwnDatabasesRow()
    {
        var databaseId = NewDatabaseId();
        var example = await Store.InsertAsync(Example(databaseId, "Customers"), null, CancellationToken.None);
        var foreign = example with { DatabaseId = NewDatabaseId() };

        await Store.MarkBrokenAsync(example with { BrokenAt = Noon, BrokenReason = "no such column: city" }, CancellationToken.None);
        await Store.DeleteAsync(foreign.DatabaseId, example.ExampleId, CancellationToken.None);
        await Store.UpdateAsync(foreign with { Question = "Hijacked" }, null, CancellationToken.None);

        var stored = (await Store.LoadExamplesAsync(databaseId, CancellationToken.None)).Single().Example;
        Assert.Equal(("Customers", Noon, "no such column: city"), (stored.Question, stored.BrokenAt, stored.BrokenReason));

        await Store.UpdateAsync(stored with { Sql = "SELECT name FROM customers", BrokenAt = null, BrokenReason = null }, null, CancellationToken.None);
        Assert.False((await Store.LoadExamplesAsync(databaseId, CancellationToken.None)).Single().Example.IsBroken);

        await Store.DeleteAsync(databaseId, example.ExampleId, CancellationToken.None);
        Assert.Empty(await Store.LoadExamplesAsync(databaseId, CancellationToken.None));
    }

    [Fact]
    public async Task Glossary_IsReplacedWhole()
    {
        var databaseId = NewDatabaseId();
        await Store.ReplaceGlossaryAsync(databaseId, [new GlossaryEntry("b", "second"), new GlossaryEntry("a", "first")], 1, Noon, CancellationToken.None);
        await Store.ReplaceGlossaryAsync(databaseId, [new GlossaryEntry("c", "third")], 1, Noon, CancellationToken.None);

        Assert.Equal([new GlossaryEntry("c", "third")], await Store.LoadGlossaryAsync(databaseId, CancellationToken.None));
    }

    private static VerifiedExample Example(string databaseId, string question) =>
        new(0, databaseId, question, "SELECT name, city FROM customers", null, 42, "Ada Lovelace", Noon, "tg_1_2");

    private static string NewDatabaseId() => $"db_{Guid.NewGuid():N}"[..15];
}

public sealed class VerifiedExampleStoreSqliteTests(SqliteCostDatabase database)
    : VerifiedExampleStoreTests(database), IClassFixture<SqliteCostDatabase>;

public sealed class VerifiedExampleStorePostgreSqlTests(PostgreSqlCostDatabase database)
    : VerifiedExampleStoreTests(database), IClassFixture<PostgreSqlCostDatabase>;
