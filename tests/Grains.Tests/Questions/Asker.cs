using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Databases;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>A registered user with the shop database (SQLite) selected, ready to ask.</summary>
public sealed record Asker(long UserId, string DatabaseId, string DatabasePath, IUserGrain User)
{
    public static async Task<Asker> NewAsync(QuestionSiloFixture fixture)
    {
        var userId = await TestUsers.RegisterAsync(fixture.Grains);
        var fileName = await ShopDatabases.SqliteShopAsync(fixture.SqliteFolder);
        var added = await fixture.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(userId, "Shop", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        return new Asker(userId, added.Database!.DatabaseId, Path.Combine(fixture.SqliteFolder, fileName), fixture.Grains.GetGrain<IUserGrain>(userId));
    }

    /// <summary>Stage rows of one conversation as stored: (stage, model, input tokens, output tokens, input cost, output cost).</summary>
    public static async Task<IReadOnlyList<(int Stage, string Name, string Model, int Input, int Output, decimal InputCost, decimal OutputCost)>> StagesAsync(
        string dataDirectory, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT StageNumber, StageName, Model, InputTokens, OutputTokens, InputCost, OutputCost FROM ConversationStages WHERE ConversationId = $id ORDER BY Sequence";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string, int, int, decimal, decimal)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                decimal.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>The SQL kept for review of a question that ended without an answer, or null.</summary>
    public static async Task<string?> FailedSqlAsync(string dataDirectory, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sql FROM FailedQueries WHERE ConversationId = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync() as string;
    }
}
