using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Databases;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Feedback;

/// <summary>
/// 👍 / 👎 on answers through a real silo: only the asker rates, a verdict is changeable, a 👎's reason arrives as a
/// reply to its prompt, and a 👍 offers to verify only to whoever may curate the answer's database.
/// </summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class AnswerFeedbackGrainTests(QuestionSiloFixture fixture)
{
    private const string CustomersSql = "SELECT name, city FROM customers ORDER BY name";

    private IAnswerFeedbackGrain Feedback => fixture.Grains.GetGrain<IAnswerFeedbackGrain>(0);

    [Fact]
    public async Task Verdict_IsStored_ChangeableAndASecondSamePressChangesNothing()
    {
        var (asker, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Where do our customers live?");
        var principal = await PrincipalAsync(asker.UserId);

        var first = await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.Helpful);
        var again = await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.Helpful);
        var stored = await RowAsync(answer.ConversationId!);
        var changed = await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.NotHelpful);

        Assert.Equal((FeedbackStatus.Recorded, FeedbackVerdict.Helpful), (first.Status, first.Verdict));
        Assert.Equal(FeedbackStatus.Unchanged, again.Status);
        Assert.Equal((asker.UserId, 1L), (stored!.Value.UserId, stored.Value.Verdict));
        Assert.Equal(FeedbackStatus.Recorded, changed.Status);
        Assert.Equal(-1L, (await RowAsync(answer.ConversationId!))!.Value.Verdict);
        var rated = (await ActivityAsync(asker.UserId)).Where(entry => entry.Type == "answer.rated").ToList();
        Assert.Equal(2, rated.Count);
        Assert.All(rated, entry => Assert.Equal(asker.DatabaseId, entry.Target));
    }

    [Fact]
    public async Task AnotherPersonsAnswer_AndAnUnknownOne_AreNotFound_AndNothingIsStored()
    {
        var (_, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers of someone else");
        var stranger = await PrincipalAsync(await TestUsers.RegisterAsync(fixture.Grains));

        var theirs = await Feedback.RateAsync(stranger, answer.ConversationId!, FeedbackVerdict.NotHelpful);
        var unknown = await Feedback.RateAsync(stranger, "tg_1_404", FeedbackVerdict.Helpful);
        var verify = await Feedback.VerifyAnswerAsync(stranger, answer.ConversationId!);

        Assert.Equal((FeedbackStatus.NotFound, FeedbackStatus.NotFound), (theirs.Status, unknown.Status));
        Assert.Equal(CurationStatus.NotFound, verify.Status);
        Assert.Null(await RowAsync(answer.ConversationId!));
    }

    [Fact]
    public async Task AnswerWithoutSql_IsNotRateable()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hello!" }, 10, 5);
        var answer = await asker.User.AskAsync(asker.UserId, "hi", null, $"tg_{asker.UserId}_{Random.Shared.Next(1, 1_000_000)}");

        var rated = await Feedback.RateAsync(await PrincipalAsync(asker.UserId), answer.ConversationId!, FeedbackVerdict.Helpful);

        Assert.Equal(FeedbackStatus.NotRateable, rated.Status);
        Assert.Null(await RowAsync(answer.ConversationId!));
    }

    [Fact]
    public async Task Reason_RepliedToItsPrompt_IsStoredAsOneLine_AndASecondReplyIsNotTaken()
    {
        var (asker, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers, wrongly");
        var principal = await PrincipalAsync(asker.UserId);
        var stranger = await PrincipalAsync(await TestUsers.RegisterAsync(fixture.Grains));
        await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.NotHelpful);

        var awaited = await Feedback.AwaitReasonAsync(principal, answer.ConversationId!, asker.UserId, 501);
        var byStranger = await Feedback.RecordReasonAsync(stranger, asker.UserId, 501, "not mine to judge");
        var toOtherMessage = await Feedback.RecordReasonAsync(principal, asker.UserId, 502, "wrong message");
        var recorded = await Feedback.RecordReasonAsync(principal, asker.UserId, 501, "  The city column is empty\nand more on a second line");
        var second = await Feedback.RecordReasonAsync(principal, asker.UserId, 501, "a second reply");

        Assert.Equal(FeedbackStatus.Recorded, awaited);
        Assert.Equal((FeedbackStatus.NotFound, FeedbackStatus.NotFound), (byStranger, toOtherMessage));
        Assert.Equal((FeedbackStatus.Recorded, FeedbackStatus.NotFound), (recorded, second));
        Assert.Equal("The city column is empty", (await RowAsync(answer.ConversationId!))!.Value.Reason);
    }

    [Fact]
    public async Task LongReason_IsCutTo500Characters()
    {
        var (asker, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers, at length");
        var principal = await PrincipalAsync(asker.UserId);
        await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.NotHelpful);
        await Feedback.AwaitReasonAsync(principal, answer.ConversationId!, asker.UserId, 601);

        await Feedback.RecordReasonAsync(principal, asker.UserId, 601, new string('x', 499) + "😀" + new string('y', 100));

        Assert.Equal(new string('x', 499), (await RowAsync(answer.ConversationId!))!.Value.Reason);
    }

    [Fact]
    public async Task ChangeToHelpful_ClearsTheReason_AndAPromptStillWaiting()
    {
        var (asker, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers, then fine after all");
        var principal = await PrincipalAsync(asker.UserId);
        await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.NotHelpful);
        await Feedback.AwaitReasonAsync(principal, answer.ConversationId!, asker.UserId, 701);
        await Feedback.RecordReasonAsync(principal, asker.UserId, 701, "Too few rows");
        await Feedback.AwaitReasonAsync(principal, answer.ConversationId!, asker.UserId, 702);

        await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.Helpful);
        var lateReply = await Feedback.RecordReasonAsync(principal, asker.UserId, 702, "too late");
        var promptOnHelpful = await Feedback.AwaitReasonAsync(principal, answer.ConversationId!, asker.UserId, 703);

        Assert.Equal((1L, (string?)null), ((await RowAsync(answer.ConversationId!))!.Value.Verdict, (await RowAsync(answer.ConversationId!))!.Value.Reason));
        Assert.Equal((FeedbackStatus.NotFound, FeedbackStatus.NotFound), (lateReply, promptOnHelpful));
    }

    [Fact]
    public async Task HelpfulOnOwnPersonalDatabase_CanVerify_NamingTheDatabase_ButNotHelpfulCannot()
    {
        var (asker, helpful) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers I like");
        var (_, unhelpful) = await AnsweredAsync(asker, "Customers I dislike");
        var principal = await PrincipalAsync(asker.UserId);

        var up = await Feedback.RateAsync(principal, helpful.ConversationId!, FeedbackVerdict.Helpful);
        var down = await Feedback.RateAsync(principal, unhelpful.ConversationId!, FeedbackVerdict.NotHelpful);

        Assert.Equal((true, "Shop"), (up.CanVerify, up.DatabaseName));
        Assert.False(down.CanVerify);
    }

    [Fact]
    public async Task HelpfulOnAnOrganizationDatabase_CanVerifyForTheOwner_NotForAMember()
    {
        var (ownerId, _) = await fixture.Grains.NewOrganizationAsync();
        var memberId = await fixture.Grains.NewMemberAsync(ownerId);
        var databases = fixture.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(ownerId, "Team shop", $"sqlite:///{await ShopDatabases.SqliteShopAsync(fixture.SqliteFolder)}");
        Assert.True(added.Succeeded, added.Message);
        var databaseId = added.Database!.DatabaseId;
        Assert.True((await databases.SelectAsync(memberId, databaseId)).Succeeded);
        var owner = new Asker(ownerId, databaseId, "", fixture.Grains.GetGrain<IUserGrain>(ownerId));
        var member = owner with { UserId = memberId, User = fixture.Grains.GetGrain<IUserGrain>(memberId) };
        var (_, ownersAnswer) = await AnsweredAsync(owner, "Team customers, by the owner");
        var (_, membersAnswer) = await AnsweredAsync(member, "Team customers, by a member");

        var byOwner = await Feedback.RateAsync(await PrincipalAsync(ownerId), ownersAnswer.ConversationId!, FeedbackVerdict.Helpful);
        var byMember = await Feedback.RateAsync(await PrincipalAsync(memberId), membersAnswer.ConversationId!, FeedbackVerdict.Helpful);

        Assert.Equal((FeedbackStatus.Recorded, true, "Team shop"), (byOwner.Status, byOwner.CanVerify, byOwner.DatabaseName));
        Assert.Equal((FeedbackStatus.Recorded, false), (byMember.Status, byMember.CanVerify));
    }

    [Fact]
    public async Task VerifyAnswer_AddsItToTheLibrary_AndAfterwardsAThumbsUpOffersNothing()
    {
        var (asker, answer) = await AnsweredAsync(await Asker.NewAsync(fixture), "Customers and their cities");
        var principal = await PrincipalAsync(asker.UserId);

        var verified = await Feedback.VerifyAnswerAsync(principal, answer.ConversationId!);
        var rated = await Feedback.RateAsync(principal, answer.ConversationId!, FeedbackVerdict.Helpful);
        var library = await fixture.Grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(asker.DatabaseId)).ViewAsync(principal);

        Assert.Equal(CurationStatus.Saved, verified.Status);
        Assert.Equal((FeedbackStatus.Recorded, false), (rated.Status, rated.CanVerify));
        var example = Assert.Single(library!.Examples);
        Assert.Equal(("Customers and their cities", CustomersSql, answer.ConversationId), (example.Question, example.Sql, example.SourceConversationId));
    }

    private async Task<(Asker Asker, QuestionAnswer Answer)> AnsweredAsync(Asker asker, string question)
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = CustomersSql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText("Here they are.", 100, 10);
        var answer = await asker.User.AskAsync(asker.UserId, question, null, $"tg_{asker.UserId}_{Random.Shared.Next(1, 1_000_000)}");
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        return (asker, answer);
    }

    private async Task<Principal> PrincipalAsync(long userId) =>
        await fixture.Grains.GetGrain<IUserGrain>(userId).GetPrincipalAsync() ?? throw new InvalidOperationException($"User {userId} is not registered.");

    private async Task<(long UserId, long Verdict, string? Reason)?> RowAsync(string conversationId)
    {
        await using var connection = AppDatabase();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT UserId, Verdict, Reason FROM AnswerFeedback WHERE ConversationId = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private async Task<List<(string Type, string? Target)>> ActivityAsync(long userId)
    {
        await using var connection = AppDatabase();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventType, TargetId FROM ActivityLog WHERE UserId = $user";
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string?)>();
        while (await reader.ReadAsync()) entries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return entries;
    }

    private SqliteConnection AppDatabase() =>
        new($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
}
