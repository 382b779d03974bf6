using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Every command and question lands in the activity log, without its arguments.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task Commands_AreInTheActivityLog_ByNameOnly()
    {
        var user = fixture.NewUser();
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);

        await user.SayAsync("/start");
        await user.SayAsync("/myinfo");
        await user.SayAsync($"/adddb Shop sqlite:///{shop}");
        await user.SayAsync("/nosuchcommand");

        var rows = await ActivityOfAsync(user.Id);
        Assert.Contains(("bot.command", "start"), rows);
        Assert.Contains(("bot.command", "myinfo"), rows);
        Assert.Contains(("bot.command", "adddb"), rows);
        Assert.Contains(("bot.command", "unknown:nosuchcommand"), rows);
        Assert.Contains(rows, row => row.EventType == "database.added");
        Assert.DoesNotContain(rows, row => row.TargetId?.Contains(shop, StringComparison.Ordinal) == true);
    }

    private async Task<List<(string EventType, string? TargetId)>> ActivityOfAsync(long userId)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.AppDatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventType, TargetId FROM ActivityLog WHERE UserId = $user ORDER BY Id";
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rows;
    }
}
