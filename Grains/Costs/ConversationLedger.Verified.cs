using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>Which verified example answered the conversation, how, and the stage-1 tokens that saved.</summary>
    private static async Task InsertVerifiedAnswerAsync(DbTransaction transaction, string conversationId, VerifiedSource verified, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, """
            INSERT INTO VerifiedAnswers (ConversationId, ExampleId, Mode, TokensSaved)
            VALUES (@conversationId, @exampleId, @mode, @tokensSaved)
            """);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@exampleId", verified.ExampleId);
        command.AddParameter("@mode", verified.Mode.ToString());
        command.AddParameter("@tokensSaved", verified.TokensSaved);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
