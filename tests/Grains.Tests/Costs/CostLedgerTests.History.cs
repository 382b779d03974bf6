using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

public abstract partial class CostLedgerTests
{
    [Fact]
    public async Task Record_BeyondThousandTurns_KeepsTheNewestThousandOfThatChat()
    {
        var (chatId, otherChatId) = (NewId(), NewId());
        await InsertTurnsDirectlyAsync(chatId, count: 1_004);
        await InsertTurnsDirectlyAsync(otherChatId, count: 3);

        await Ledger.RecordAsync(Conversation(NewConversationId(), chatId, null, March), [],
            Turn(chatId, chatId, null, "q1004", March.AddMinutes(1_004)), CancellationToken.None);

        Assert.Equal(ConversationLedger.TurnsPerChat, await CountAsync("ConversationTurns", "ChatId", chatId));
        var kept = await Ledger.RecentTurnsAsync(chatId, 2_000, Since2000, CancellationToken.None);
        Assert.Equal(("q5", "q1004"), (kept[0].Question, kept[^1].Question));
        Assert.Equal(3, await CountAsync("ConversationTurns", "ChatId", otherChatId));
    }

    [Fact]
    public async Task RecentTurns_MoreThanCount_ReturnsTheNewestOldestFirst()
    {
        var chatId = NewId();
        await InsertTurnsDirectlyAsync(chatId, count: 7);

        var recent = await Ledger.RecentTurnsAsync(chatId, 5, Since2000, CancellationToken.None);

        Assert.Equal(["q2", "q3", "q4", "q5", "q6"], recent.Select(turn => turn.Question));
    }

    [Fact]
    public async Task RecentTurns_OlderThanNotBefore_AreLeftOut()
    {
        var chatId = NewId();
        await InsertTurnsDirectlyAsync(chatId, count: 4); // q0..q3, one minute apart from March

        var recent = await Ledger.RecentTurnsAsync(chatId, 5, March.AddMinutes(2), CancellationToken.None);

        Assert.Equal(["q2", "q3"], recent.Select(turn => turn.Question));
    }

    [Fact]
    public async Task RecentTurns_AfterClear_OnlyTurnsSinceTheClear_WhileHistoryKeepsAll()
    {
        var userId = NewId();
        await InsertTurnsDirectlyAsync(userId, count: 3);
        await Ledger.MarkClearedAsync(userId, March.AddMinutes(10), CancellationToken.None);
        await Ledger.RecordAsync(Conversation(NewConversationId(), userId, null, March.AddMinutes(11)), [],
            Turn(userId, userId, null, "after clear", March.AddMinutes(11)), CancellationToken.None);

        var recent = await Ledger.RecentTurnsAsync(userId, 5, Since2000, CancellationToken.None);
        var history = await Ledger.HistoryAsync(userId, 10, CancellationToken.None);

        Assert.Equal(["after clear"], recent.Select(turn => turn.Question));
        Assert.Equal(["after clear", "q2", "q1", "q0"], history.Select(turn => turn.Question));
    }

    [Fact]
    public async Task History_ListsTheUsersNewestTurnsFirst_WithTheirCost()
    {
        var userId = NewId();
        var (first, second) = (NewConversationId(), NewConversationId());
        await Ledger.RecordAsync(Conversation(first, userId, null, March), [Stage(1, 1, "summary", Flash25, 765, 1_970, March)],
            Turn(userId, userId, first, "first", March), CancellationToken.None);
        await Ledger.RecordAsync(Conversation(second, userId, null, March.AddMinutes(1)), [Stage(1, 1, "summary", Flash20, 1_200, 345, March)],
            Turn(userId, userId, second, "second", March.AddMinutes(1)), CancellationToken.None);

        var history = await Ledger.HistoryAsync(userId, 1, CancellationToken.None);

        var newest = Assert.Single(history);
        Assert.Equal("second", newest.Question);
        Assert.Equal(0.000258m, newest.TotalCost);
        Assert.Equal(March.AddMinutes(1), newest.CreatedAt);
    }

    /// <summary>Turns q0, q1, … one minute apart from March, written straight to the table: fast, and no trimming.</summary>
    private async Task InsertTurnsDirectlyAsync(long chatId, int count)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ConversationTurns (ChatId, UserId, Question, Answer, Way, CreatedAt)
                VALUES (@chatId, @chatId, @question, 'answer', 'Conversation', @createdAt)
                """;
            command.AddParameter("@chatId", chatId);
            command.AddParameter("@question", $"q{i}");
            command.AddParameter("@createdAt", Database.Dialect.Timestamp(March.AddMinutes(i)));
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
