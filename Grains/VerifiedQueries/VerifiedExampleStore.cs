using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.VerifiedQueries;

/// <summary>
/// The <c>VerifiedExamples</c> and <c>GlossaryEntries</c> rows of the app database. Only a database's
/// <see cref="VerifiedQueriesGrain"/> writes its rows, so no write here needs to guard against another writer.
/// </summary>
public sealed class VerifiedExampleStore(AppDatabase database)
{
    private const string ExampleColumns = """
        Id, DatabaseId, Question, Sql, Notes, VerifiedBy, VerifiedByName, VerifiedAt, SourceConversationId, BrokenAt, BrokenReason, Embedding, EmbeddingModel
        """;

    private static readonly string[] InsertedColumns =
        ["DatabaseId", "Question", "Sql", "Notes", "VerifiedBy", "VerifiedByName", "VerifiedAt", "SourceConversationId", "Embedding", "EmbeddingModel"];

    /// <summary>Every example of one database, oldest first, with its stored embedding (if any).</summary>
    public async Task<IReadOnlyList<StoredExample>> LoadExamplesAsync(string databaseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ExampleColumns} FROM VerifiedExamples WHERE DatabaseId = @databaseId ORDER BY Id";
        command.AddParameter("@databaseId", databaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var examples = new List<StoredExample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = EmbeddingText.Decode(DbValues.NullableString(reader, 11));
            var embedding = vector is null ? null : new StoredEmbedding(vector, DbValues.NullableString(reader, 12) ?? "");
            examples.Add(new StoredExample(ReadExample(reader), embedding));
        }
        return examples;
    }

    public async Task<IReadOnlyList<GlossaryEntry>> LoadGlossaryAsync(string databaseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Term, Meaning FROM GlossaryEntries WHERE DatabaseId = @databaseId ORDER BY Term";
        command.AddParameter("@databaseId", databaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<GlossaryEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(new GlossaryEntry(reader.GetString(0), reader.GetString(1)));
        return entries;
    }

    /// <returns>The example as stored, with its new id.</returns>
    public async Task<VerifiedExample> InsertAsync(VerifiedExample example, StoredEmbedding? embedding, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Dialect.InsertReturningId("VerifiedExamples", InsertedColumns, "Id");
        command.AddParameter("@DatabaseId", example.DatabaseId);
        command.AddParameter("@Question", example.Question);
        command.AddParameter("@Sql", example.Sql);
        command.AddParameter("@Notes", example.Notes);
        command.AddParameter("@VerifiedBy", example.VerifiedBy);
        command.AddParameter("@VerifiedByName", example.VerifiedByName);
        command.AddParameter("@VerifiedAt", database.Dialect.Timestamp(example.VerifiedAt));
        command.AddParameter("@SourceConversationId", example.SourceConversationId);
        command.AddParameter("@Embedding", EmbeddingText.Encode(embedding?.Vector));
        command.AddParameter("@EmbeddingModel", embedding?.Model);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return example with { ExampleId = id };
    }

    /// <summary>Rewrites an example's text, SQL, notes, verifier and broken mark.</summary>
    public async Task UpdateAsync(VerifiedExample example, StoredEmbedding? embedding, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE VerifiedExamples
               SET Question = @question, Sql = @sql, Notes = @notes, VerifiedBy = @verifiedBy, VerifiedByName = @verifiedByName,
                   VerifiedAt = @verifiedAt, BrokenAt = @brokenAt, BrokenReason = @brokenReason,
                   Embedding = @embedding, EmbeddingModel = @embeddingModel
             WHERE Id = @id AND DatabaseId = @databaseId
            """;
        command.AddParameter("@question", example.Question);
        command.AddParameter("@sql", example.Sql);
        command.AddParameter("@notes", example.Notes);
        command.AddParameter("@verifiedBy", example.VerifiedBy);
        command.AddParameter("@verifiedByName", example.VerifiedByName);
        command.AddParameter("@verifiedAt", database.Dialect.Timestamp(example.VerifiedAt));
        command.AddParameter("@brokenAt", example.BrokenAt is { } brokenAt ? database.Dialect.Timestamp(brokenAt) : null);
        command.AddParameter("@brokenReason", example.BrokenReason);
        command.AddParameter("@embedding", EmbeddingText.Encode(embedding?.Vector));
        command.AddParameter("@embeddingModel", embedding?.Model);
        command.AddParameter("@id", example.ExampleId);
        command.AddParameter("@databaseId", example.DatabaseId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets or clears only the broken mark, so the stored embedding stays.</summary>
    public async Task MarkBrokenAsync(VerifiedExample example, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE VerifiedExamples SET BrokenAt = @brokenAt, BrokenReason = @brokenReason WHERE Id = @id AND DatabaseId = @databaseId";
        command.AddParameter("@brokenAt", example.BrokenAt is { } brokenAt ? database.Dialect.Timestamp(brokenAt) : null);
        command.AddParameter("@brokenReason", example.BrokenReason);
        command.AddParameter("@id", example.ExampleId);
        command.AddParameter("@databaseId", example.DatabaseId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string databaseId, long exampleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM VerifiedExamples WHERE Id = @id AND DatabaseId = @databaseId";
        command.AddParameter("@id", exampleId);
        command.AddParameter("@databaseId", databaseId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces a database's whole glossary in one transaction.</summary>
    public async Task ReplaceGlossaryAsync(string databaseId, IReadOnlyList<GlossaryEntry> entries, long updatedBy, DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = transaction.CreateCommand("DELETE FROM GlossaryEntries WHERE DatabaseId = @databaseId"))
        {
            delete.AddParameter("@databaseId", databaseId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var entry in entries)
        {
            await using var insert = transaction.CreateCommand("""
                INSERT INTO GlossaryEntries (DatabaseId, Term, Meaning, UpdatedBy, UpdatedAt)
                VALUES (@databaseId, @term, @meaning, @updatedBy, @updatedAt)
                """);
            insert.AddParameter("@databaseId", databaseId);
            insert.AddParameter("@term", entry.Term);
            insert.AddParameter("@meaning", entry.Meaning);
            insert.AddParameter("@updatedBy", updatedBy);
            insert.AddParameter("@updatedAt", database.Dialect.Timestamp(updatedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static VerifiedExample ReadExample(DbDataReader reader) => new(
        DbValues.Int64(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DbValues.NullableString(reader, 4),
        DbValues.Int64(reader, 5), reader.GetString(6), DbValues.Timestamp(reader, 7), DbValues.NullableString(reader, 8),
        reader.IsDBNull(9) ? null : DbValues.Timestamp(reader, 9), DbValues.NullableString(reader, 10));
}

/// <summary>An example as loaded, with the embedding of its question when the library has one.</summary>
public sealed record StoredExample(VerifiedExample Example, StoredEmbedding? Embedding);

/// <summary>An embedding and the model that made it (vectors of different models are not comparable).</summary>
public sealed record StoredEmbedding(float[] Vector, string Model);
