using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>The verified library of an asker's own (personal) database, curated by the asker through the real grain.</summary>
public sealed record VerifiedLibrary(IVerifiedQueriesGrain Grain, Principal Owner)
{
    public static async Task<VerifiedLibrary> OfAsync(IGrainFactory grains, Asker asker) =>
        new(grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(asker.DatabaseId)), (await asker.User.GetPrincipalAsync())!);

    public async Task<VerifiedExample> VerifyAsync(string question, string sql)
    {
        var result = await Grain.VerifyAsync(Owner, new ExampleDraft(question, sql));
        Assert.True(result.Succeeded, $"{result.Status}: {result.Problem}");
        return result.Example!;
    }

    public async Task SetGlossaryAsync(params GlossaryEntry[] entries)
    {
        var result = await Grain.SetGlossaryAsync(Owner, entries);
        Assert.True(result.Succeeded, $"{result.Status}: {result.Problem}");
    }

    public async Task<VerifiedExample> ExampleAsync(long exampleId) =>
        (await Grain.ViewAsync(Owner))!.Examples.Single(example => example.ExampleId == exampleId);

    /// <summary>The <c>VerifiedAnswers</c> row of a conversation as stored, or null.</summary>
    public static async Task<(long ExampleId, string Mode, int TokensSaved)?> AnswerRowAsync(string dataDirectory, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ExampleId, Mode, TokensSaved FROM VerifiedAnswers WHERE ConversationId = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)) : null;
    }
}
