using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Email;

public sealed partial class EmailOutboxStore
{
    /// <summary>Sent or failed e-mails nobody was told about, each marked told by the one caller that wins its row.</summary>
    public async Task<IReadOnlyList<EmailNotice>> TakeNoticesAsync(int max, CancellationToken cancellationToken)
    {
        var taken = new List<EmailNotice>();
        foreach (var notice in await UntoldAsync(max, cancellationToken))
        {
            var won = await ExecuteAsync("UPDATE EmailOutbox SET Notified = @true WHERE Id = @id AND Notified = @false", command =>
            {
                command.AddParameter("@true", true);
                command.AddParameter("@id", notice.DraftId);
                command.AddParameter("@false", false);
            }, cancellationToken) == 1;
            if (won) taken.Add(notice);
        }
        return taken;
    }

    private async Task<List<EmailNotice>> UntoldAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, UserId, ChatId, Status, Recipients, Subject, LastError FROM EmailOutbox
             WHERE Status IN (@sent, @failed) AND Notified = @false
            """;
        command.AddParameter("@sent", nameof(EmailStatus.Sent));
        command.AddParameter("@failed", nameof(EmailStatus.Failed));
        command.AddParameter("@false", false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notices = new List<EmailNotice>();
        while (notices.Count < max && await reader.ReadAsync(cancellationToken))
        {
            notices.Add(new EmailNotice(reader.GetString(0),
                Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                Enum.Parse<EmailStatus>(reader.GetString(3)), Recipients.Split(reader.GetString(4)), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return notices;
    }
}
