using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Silo.Tests.Faults;
using Xunit.Abstractions;

namespace OrleansAssistant.Silo.Tests;

/// <summary>
/// Three silo processes and the bot gateway on PostgreSQL; people keep asking (now and then two questions
/// at once, the second waiting in line) while one silo is SIGKILLed. Every question, queued ones included,
/// must end in exactly one answer or an explicit "please retry", the ledger must
/// hold each conversation exactly once, and the cluster must mark the dead silo and carry on.
/// </summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StreamLength = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MembershipLimit = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 300_000)]
    public async Task SiloKilledMidStream_EveryQuestionAnsweredOrToldToRetry_LedgerExact_ClusterRecovers()
    {
        await using var cluster = await FaultCluster.StartAsync(siloCount: 3);
        var replies = new ChatReplies(cluster.Telegram);
        var people = await FaultUsers.SetUpAsync(cluster.Telegram, replies, cluster.Gateway.Grains, await ShopDatabase.CreateAsync());
        var stream = new QuestionStream(cluster.Telegram, replies);
        // One question each first, so every user grain is active somewhere before the kill.
        var warmUp = await Task.WhenAll(people.Select(person => stream.AskAsync(person.Profile.UserId)));
        Assert.All(warmUp, asked => Assert.True(asked.Answered, $"warm-up {asked.Token}: {asked.Reply ?? "no reply"}"));

        var placement = await UserPlacement.SiloPortsAsync(cluster.Gateway.Grains, people.Select(person => person.Profile.UserId));
        var victim = cluster.Silos.MaxBy(silo => placement.Values.Count(port => port == silo.SiloPort))!;
        var moved = placement.Where(pair => pair.Value == victim.SiloPort).Select(pair => pair.Key).ToHashSet();
        Assert.NotEmpty(moved);

        var streamStart = stream.Clock.Elapsed;
        var asking = Task.WhenAll(people.Select(person => stream.RunAsync(person.Profile.UserId, streamStart + StreamLength)));
        await Task.Delay(KillAfter);
        var killedAt = stream.Clock.Elapsed;
        await victim.KillAsync();
        await MembershipTable.WaitUntilDeadAsync(cluster.Database, victim.SiloPort, MembershipLimit);
        var untilDead = stream.Clock.Elapsed - killedAt;
        await asking;

        // Recovery: people whose grains lived on the dead silo are answered again.
        var afterwards = await Task.WhenAll(moved.Select(stream.AskAsync));
        Assert.All(afterwards, asked => Assert.True(asked.Answered, $"after recovery {asked.Token}: {asked.Reply ?? "no reply"}"));

        var asked = stream.Asked;
        var duplicateReplies = DuplicateReplies(asked, replies);
        var ledger = await LedgerAudit.ReadAsync(cluster.Database);
        var turns = await LedgerAudit.TurnsPerUserAsync(cluster.Database);
        var ledgerDuplicates = ledger.Conversations.Count - ledger.DistinctConversationIds;
        new FaultFigures(asked, moved, killedAt, untilDead, duplicateReplies.Count, ledgerDuplicates, ledger.Conversations.Count, cluster.Model.Requests.Count)
            .WriteTo(output);
        // What the gateway logged about failing updates: the cause of any apology below.
        foreach (var line in cluster.Gateway.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal)).Take(20)) output.WriteLine(line);

        // Every question got exactly one final reply: its answer or the explicit "please retry".
        Assert.Empty(asked.Where(question => question.Lost).Select(question => question.Token).ToList());
        Assert.Empty(asked.Where(question => question.Other).Select(question => $"{question.Token}: {question.Reply}"));
        Assert.Empty(duplicateReplies);

        // The ledger: one row per answered question, none twice, none half-written, none unasked.
        Assert.Equal(0, ledgerDuplicates);
        var rows = ledger.Conversations.ToDictionary(row => row.ConversationId);
        foreach (var question in asked.Where(question => question.Answered))
        {
            Assert.True(rows.TryGetValue(question.ConversationId, out var row), $"no conversation row for answered {question.Token}");
            Assert.Equal("Answered", row.Status);
            Assert.Contains(TokenModel.Answer(question.Token), row.Answer, StringComparison.Ordinal);
        }
        var sent = asked.Select(question => question.ConversationId).ToHashSet();
        Assert.Empty(rows.Keys.Except(sent));
        Assert.Equal(0, ledger.OrphanStages);
        Assert.Equal(0, ledger.TotalsNotMatchingStages);
        Assert.Equal(0, ledger.ConversationsWithSeveralTurns);
        Assert.Equal(0, ledger.AnsweredWithoutTurn);

        // Every person's organization, database and history are as they were.
        foreach (var before in people)
        {
            var userId = before.Profile.UserId;
            var after = await cluster.Gateway.Grains.GetGrain<IUserGrain>(userId).GetInfoAsync();
            Assert.NotNull(after);
            Assert.Equal((before.OrgId, before.Role, before.ActiveDatabaseId), (after.OrgId, after.Role, after.ActiveDatabaseId));
            Assert.Equal(before.PersonalDatabaseIds, after.PersonalDatabaseIds);
            var answeredRows = ledger.Conversations.Count(row => row.UserId == userId && row.Status == "Answered");
            Assert.Equal(answeredRows, turns.GetValueOrDefault(userId));
        }
        foreach (var userId in moved) await AssertHistoryListsLastQuestionAsync(cluster, replies, asked, userId);

        Assert.Equal(2, await MembershipTable.ActiveCountAsync(cluster.Database));
    }

    /// <summary>Questions that got more than one final reply (two answers, or an answer and a "please retry").</summary>
    private static List<string> DuplicateReplies(IReadOnlyList<AskedQuestion> asked, ChatReplies replies) =>
    [
        .. asked.GroupBy(question => question.UserId).SelectMany(chat =>
        {
            var inOrder = chat.OrderBy(question => question.MessageId).ToArray();
            return inOrder.Select((question, i) => (question, finals: replies.FinalsFor(chat.Key, question.MessageId, question.Token,
                i + 1 < inOrder.Length ? inOrder[i + 1].MessageId : null)));
        })
        .Where(pair => pair.finals.Count != 1)
        .Select(pair => $"{pair.question.Token}: {pair.finals.Count} final replies"),
    ];

    private static async Task AssertHistoryListsLastQuestionAsync(FaultCluster cluster, ChatReplies replies, IReadOnlyList<AskedQuestion> asked, long userId)
    {
        var last = asked.Where(question => question.UserId == userId && question.Answered).MaxBy(question => question.MessageId)!;
        var messageId = cluster.Telegram.EnqueueUserMessage(userId, userId, "/history");
        var history = await replies.WaitForAnyAsync(userId, messageId, TimeSpan.FromSeconds(30));
        Assert.Contains(last.Token, history.Text, StringComparison.Ordinal);
    }
}
