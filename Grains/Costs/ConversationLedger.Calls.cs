using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>The model calls of each of <paramref name="conversationIds"/>, in the order they were made (for /history).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StageUsage>>> CallsAsync(IReadOnlyList<string> conversationIds, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<string, IReadOnlyList<StageUsage>>(StringComparer.Ordinal);
        if (conversationIds.Count == 0) return calls;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = conversationIds.Distinct(StringComparer.Ordinal).Select((id, index) =>
        {
            command.AddParameter($"@id{index}", id);
            return $"@id{index}";
        }).ToArray();
        command.CommandText = $"""
            SELECT ConversationId, StageNumber, StageName, Model, InputTokens, OutputTokens, InputCost, OutputCost,
                   DurationMs, ReasoningTokens, PriceKnown
              FROM ConversationStages
             WHERE ConversationId IN ({string.Join(", ", names)})
             ORDER BY ConversationId, Sequence
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lists = new Dictionary<string, List<StageUsage>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!lists.TryGetValue(id, out var list)) lists[id] = list = [];
            list.Add(ReadCall(reader));
        }
        foreach (var (id, list) in lists) calls[id] = list;
        return calls;
    }

    private static StageUsage ReadCall(DbDataReader reader) => new(
        StageNumber: (int)DbValues.Int64(reader, 1),
        StageName: reader.GetString(2),
        Model: reader.GetString(3),
        InputTokens: (int)DbValues.Int64(reader, 4),
        OutputTokens: (int)DbValues.Int64(reader, 5),
        InputCost: DbValues.Decimal(reader, 6),
        OutputCost: DbValues.Decimal(reader, 7),
        Duration: TimeSpan.FromMilliseconds(DbValues.Int64(reader, 8)),
        ReasoningTokens: (int)DbValues.Int64(reader, 9),
        PriceKnown: DbValues.Boolean(reader, 10));
}
