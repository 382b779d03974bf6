using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>Which verified example answered the conversation, how, and the stage-1 tokens that saved.</summary>
    private static async Task InsertVerifiedAnswerAsync(DbTransaction transaction, string conversationId, VerifiedSource verified, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand("""
            INSERT INTO VerifiedAnswers (ConversationId, ExampleId, Mode, TokensSaved)
            VALUES (@conversationId, @exampleId, @mode, @tokensSaved)
            """);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@exampleId", verified.ExampleId);
        command.AddParameter("@mode", verified.Mode.ToString());
        command.AddParameter("@tokensSaved", verified.TokensSaved);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The SQL of a question that ended without an answer, so a curator can mend it.</summary>
    private static async Task InsertFailedQueryAsync(DbTransaction transaction, string conversationId, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand("INSERT INTO FailedQueries (ConversationId, Sql) VALUES (@conversationId, @sql)");
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@sql", sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
