using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Grains.Tests.Email;

/// <summary>Reads the outbox straight from the app database, and waits for a row to reach a state.</summary>
public sealed class OutboxRows(string databaseFile)
{
    public sealed record Row(string Status, int Attempts, string? LastError, bool HasSentAt, bool Notified);

    public async Task<Row?> FindAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, Attempts, LastError, SentAt, Notified FROM EmailOutbox WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new Row(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            !reader.IsDBNull(3), reader.GetInt64(4) != 0);
    }

    public async Task<Row> WaitForAsync(string id, Func<Row, bool> reached, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Row? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await FindAsync(id);
            if (last is not null && reached(last)) return last;
            await Task.Delay(100);
        }
        throw new TimeoutException($"E-mail {id} did not reach the expected state within {seconds} s; last: {last}");
    }

    public Task<Row> WaitForStatusAsync(string id, string status, int seconds = 30) =>
        WaitForAsync(id, row => row.Status == status, seconds);
}
