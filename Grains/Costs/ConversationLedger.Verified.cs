using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>Which verified example answered the conversation, how, and the stage-1 tokens that saved.</summary>
    private static void InsertVerifiedAnswer(StatementBatch statements, string conversationId, VerifiedSource verified)
    {
        var command = statements.Add("""
            INSERT INTO VerifiedAnswers (ConversationId, ExampleId, Mode, TokensSaved)
            VALUES (@conversationId, @exampleId, @mode, @tokensSaved)
            """);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@exampleId", verified.ExampleId);
        command.AddParameter("@mode", verified.Mode.ToString());
        command.AddParameter("@tokensSaved", verified.TokensSaved);
    }

    /// <summary>The SQL of a question that ended without an answer, so a curator can mend it.</summary>
    private static void InsertFailedQuery(StatementBatch statements, string conversationId, string sql)
    {
        var command = statements.Add("INSERT INTO FailedQueries (ConversationId, Sql) VALUES (@conversationId, @sql)");
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@sql", sql);
    }
}
