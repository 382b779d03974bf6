using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Batching;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>One question's ledger rows, waiting for the group commit.</summary>
    internal sealed class ConversationWrite(ConversationLedger ledger, ConversationRecord conversation, IReadOnlyList<StageRecord> stages,
        HistoryTurnRecord? turn, VerifiedSource? verified, BatchedWrite? alongside) : BatchedWrite
    {
        public ConversationRecord Conversation => conversation;

        public IReadOnlyList<StageRecord> Stages => stages;

        public override int Rows => 1 + stages.Count + (turn is null ? 0 : 1) + (verified is null ? 0 : 1)
                                    + (conversation.FailedSql is { Length: > 0 } ? 1 : 0) + (alongside?.Rows ?? 0);

        public override IBatchFinisher Finisher => ledger._dailyTotals;

        public override void Write(StatementBatch statements)
        {
            ledger.WriteRows(statements, conversation, stages, turn, verified);
            alongside?.Write(statements);
        }
    }
}
