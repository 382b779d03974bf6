using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Tests.Budgets;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>Answers:VerifiedAnswerMode = Template and a small Answers:Stage1PromptTokenCap.</summary>
[Collection(TemplateAnswerSiloCollection.Name)]
public sealed class TemplateAnswerTests(TemplateAnswerSiloFixture fixture)
{
    private const string OrderCountSql = "SELECT count(*) AS orders FROM orders";

    private static object Summary(string way, string? sql = null, string? answer = null) => new { way, sql, answer };

    [Fact]
    public async Task RepeatInTemplateMode_CallsNoModelAtAll_AndTheWindowKeepsTheResultForAFollowUp()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        var example = await library.VerifyAsync("How many orders are there?", OrderCountSql);
        var before = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "how many orders are there");

        Assert.Equal(before, fixture.Model.Requests.Count);
        Assert.Equal((QuestionOutcome.Answered, "", OrderCountSql, "4"), (answer.Outcome, answer.Text, answer.Sql, answer.Rows!.Rows[0][0]));
        Assert.Equal((example.ExampleId, VerifiedAnswerMode.Template), (answer.Verified!.ExampleId, answer.Verified.Mode));
        Assert.Empty(answer.Usage);
        Assert.Empty(await Asker.StagesAsync(fixture.DataDirectory, answer.ConversationId!));
        Assert.Equal((example.ExampleId, "Template", answer.Verified.TokensSaved), await VerifiedLibrary.AnswerRowAsync(fixture.DataDirectory, answer.ConversationId!));

        fixture.Model.EnqueueJson(Summary("Conversation", answer: "That was all orders ever placed."), 700, 20);
        await asker.User.AskAsync(asker.UserId, "Is that all of them?");
        var followUp = fixture.Model.Requests[before];
        Assert.Contains(followUp.Messages, message => message.Role == "assistant" && message.Content.StartsWith("Result: 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepeatInTemplateMode_IsAnsweredWhenTheBudgetIsSpent_WhileOtherQuestionsAreRefused()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 0.00001m);
        var now = fixture.Clock.GetUtcNow();
        await org.Budget.SettleAsync(new SpendSettlement("spent-before", "spent-before", org.OwnerId, 0.00002m, now, now));
        var owner = new Asker(org.OwnerId, org.DatabaseId, "", fixture.Grains.GetGrain<IUserGrain>(org.OwnerId));
        await (await VerifiedLibrary.OfAsync(fixture.Grains, owner)).VerifyAsync("How many orders are there?", OrderCountSql);
        var before = fixture.Model.Requests.Count;

        var repeat = await owner.User.AskAsync(owner.UserId, "how many orders are there");
        var other = await owner.User.AskAsync(owner.UserId, "Who is our best customer?");

        Assert.Equal((QuestionOutcome.Answered, "4"), (repeat.Outcome, repeat.Rows!.Rows[0][0]));
        Assert.Equal((QuestionOutcome.BudgetExhausted, BudgetScope.Organization), (other.Outcome, other.Budget?.Scope));
        Assert.Equal(before, fixture.Model.Requests.Count);
    }

    [Fact]
    public async Task ExamplesNeverPushStageOnesPromptOverTheCap_FewerAreSent()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        var padding = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"o.total * {i} AS total_times_{i}"));
        foreach (var city in new[] { "London", "Helsinki", "New York" })
        {
            await library.VerifyAsync($"Which orders came from customers in {city}?",
                $"SELECT o.id, {padding} FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.city = '{city}'");
        }
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueJson(Summary("Conversation", answer: "ok"), 700, 20);

        await asker.User.AskAsync(asker.UserId, "Which orders came from customers in Paris?");

        var request = fixture.Model.Requests[before];
        Assert.InRange(request.Messages.Sum(message => TokenEstimate.Of(message.Content)), 1, TemplateAnswerSiloFixture.TokenCap);
        var sent = CountOf(request.Messages[0].Content, "\nQuestion: \"");
        Assert.InRange(sent, 1, 2);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
