using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A customer's SQLite database made from a script and added for a user of the question test silo.</summary>
internal static class QuestionSiloSqliteDatabase
{
    public static async Task<DatabaseResult> AddAsync(QuestionSiloFixture fixture, long userId, string name, string script)
    {
        var fileName = $"{name.ToLowerInvariant()}_{Guid.NewGuid():N}.db";
        Directory.CreateDirectory(fixture.SqliteFolder);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.SqliteFolder, fileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            await SchemaShopScripts.ExecuteAsync(connection, script);
        }
        var added = await fixture.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(userId, name, $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        return added;
    }

    /// <summary>The lines of the system message of the model request at <paramref name="index"/>.</summary>
    public static string[] SystemPromptLines(QuestionSiloFixture fixture, int index) =>
        fixture.Model.Requests[index].Body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!.Split('\n');
}
