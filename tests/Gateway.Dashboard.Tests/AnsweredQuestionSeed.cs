using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>An answered question with its SQL, written to the ledger as the user grain writes it, for the answer downloads.</summary>
public static class AnsweredQuestionSeed
{
    /// <returns>The conversation id.</returns>
    public static async Task<string> RecordAsync(this DashboardHost host, long userId, string orgId, string databaseId, string question, string sql,
        DateTimeOffset? startedAt = null)
    {
        var conversationId = $"tg_{userId}_{Random.Shared.Next(1, 1_000_000)}";
        var at = startedAt ?? host.Clock.GetUtcNow();
        await host.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(conversationId, userId, userId, orgId, databaseId, question, "SqlQuery", "Answered", "Here they are.", null, at, at, 10),
            [],
            new HistoryTurnRecord(userId, userId, conversationId, question, "Here they are.", sql, 1, "SqlQuery", at),
            CancellationToken.None);
        return conversationId;
    }
}
