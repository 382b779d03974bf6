using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Settings tab's API and the budget on Costs and Overview: owners set budgets, zone and models; bad input changes nothing.</summary>
public sealed partial class DashboardApiTests
{
    private const string Settings = "/dashboard/settings";

    [Fact]
    public async Task Settings_Owner_SeesNoBudget_EveryMemberByName_AndThePricedModels()
    {
        var org = await host.NewOrganizationAsync("Settings");
        var owner = await OwnerAsync(org);

        var settings = await SettingsAsync(owner);

        Assert.Equal(JsonValueKind.Null, settings.GetProperty("monthlyUsd").ValueKind);
        Assert.False(string.IsNullOrEmpty(Text(settings, "timeZone")));
        var month = settings.GetProperty("month");
        Assert.Equal((0m, JsonValueKind.Null), (month.GetProperty("spentUsd").GetDecimal(), month.GetProperty("limitUsd").ValueKind));
        Assert.InRange(month.GetProperty("daysToReset").GetInt32(), 1, 31);
        var members = settings.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetInt64(), m => Text(m, "displayName"));
        Assert.Equal(new Dictionary<long, string?> { [org.OwnerId] = "Olivia", [org.MemberId] = "Max" }, members);
        var priced = settings.GetProperty("pricedModels").EnumerateArray().ToList();
        Assert.Contains(priced, m => Text(m, "model") == "gemini-3.6-flash" && m.GetProperty("inputPerMillion").GetDecimal() == 1.50m
                                     && m.GetProperty("outputPerMillion").GetDecimal() == 7.50m);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("chosen").GetProperty("summary").ValueKind);
        Assert.Equal(Text(settings.GetProperty("defaults"), "summary"), Text(settings.GetProperty("inForce"), "summary"));
    }

    [Fact]
    public async Task Settings_Budget_IsSet_ThenRemoved()
    {
        var org = await host.NewOrganizationAsync("Budget");
        var owner = await OwnerAsync(org);

        var set = (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 50 })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(50m, set.GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(50m, (await SettingsAsync(owner)).GetProperty("month").GetProperty("limitUsd").GetDecimal());

        var removed = (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = (decimal?)null })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("monthlyUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await SettingsAsync(owner)).GetProperty("monthlyUsd").ValueKind);
    }

    [Theory]
    [InlineData("""{ "monthlyUsd": -5 }""")]
    [InlineData("""{ "monthlyUsd": 0 }""")]
    [InlineData("""{ "monthlyUsd": NaN }""")]
    [InlineData("""{ "monthlyUsd": "NaN" }""")]
    [InlineData("""{ "monthlyUsd": "Infinity" }""")]
    [InlineData("""{ "monthlyUsd": 1000000.01 }""")]
    [InlineData("""{ "monthlyUsd": 1e400 }""")]
    [InlineData("""{ "monthlyUsd": "fifty" }""")]
    [InlineData("""{ "monthlyUsd": "" }""")]
    [InlineData("""{ "monthlyUsd": "50" }""")]
    [InlineData("""{ "monthlyUsd": true }""")]
    [InlineData("""{ "monthlyUsd": { "usd": 50 } }""")]
    [InlineData("""{ "monthlyUsd": 50""")]
    [InlineData("""{ }""")]
    [InlineData("""[ 50 ]""")]
    [InlineData("")]
    public async Task Settings_BadBudget_Is400NamingTheField_AndChangesNothing(string body)
    {
        var org = await host.NewOrganizationAsync("BadBudget");
        var owner = await OwnerAsync(org);
        (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 50 })).Expect(HttpStatusCode.OK);
        (await PutAsync(owner, $"{Settings}/members/{Id(org.MemberId)}/budget", new { monthlyUsd = 10 })).Expect(HttpStatusCode.OK);
        var before = (await SettingsAsync(owner)).GetRawText();

        AssertInputProblem(await PutAsync(owner, $"{Settings}/budget", body), "monthlyUsd");
        AssertInputProblem(await PutAsync(owner, $"{Settings}/members/{Id(org.MemberId)}/budget", body), "monthlyUsd");

        Assert.Equal(before, (await SettingsAsync(owner)).GetRawText());
    }

    [Fact]
    public async Task Settings_BudgetLoweredBelowWhatIsSpent_IsAccepted()
    {
        var org = await host.NewOrganizationAsync("Lowered");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        // Settled a while ago: the budget reads the ledger's rows that are past settling.
        var asked = host.Clock.GetUtcNow().AddMinutes(-2);
        await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who?", ScheduleSeed.Sql, startedAt: asked, stages: [ScheduleSeed.Stage(asked, 0.75m)]);
        var owner = await OwnerAsync(org);
        (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 50 })).Expect(HttpStatusCode.OK);

        var lowered = (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 0.10m })).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(0.10m, lowered.GetProperty("monthlyUsd").GetDecimal());
        var month = (await SettingsAsync(owner)).GetProperty("month");
        Assert.Equal(0.75m, month.GetProperty("spentUsd").GetDecimal());
        Assert.True(month.GetProperty("share").GetDecimal() >= 1m, month.GetRawText());
    }

    [Fact]
    public async Task Settings_MemberBudgetAboveTheOrganizations_IsAccepted_AndRemovable()
    {
        var org = await host.NewOrganizationAsync("MemberBudget");
        var owner = await OwnerAsync(org);
        (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 10 })).Expect(HttpStatusCode.OK);
        var path = $"{Settings}/members/{Id(org.MemberId)}/budget";

        var set = (await PutAsync(owner, path, new { monthlyUsd = 20 })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(20m, MemberRow(set, org.MemberId).GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(10m, set.GetProperty("monthlyUsd").GetDecimal());

        var removed = (await PutAsync(owner, path, new { monthlyUsd = (decimal?)null })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(JsonValueKind.Null, MemberRow(removed, org.MemberId).GetProperty("monthlyUsd").ValueKind);
    }

    [Fact]
    public async Task Settings_MemberBudget_OfAnotherOrganizationsMemberOrNoId_Is404_AndChangesNothing()
    {
        var org = await host.NewOrganizationAsync("Mine");
        var other = await host.NewOrganizationAsync("Theirs");
        var otherOwner = await OwnerAsync(other);

        AssertProblem(await PutAsync(otherOwner, $"{Settings}/members/{Id(org.MemberId)}/budget", new { monthlyUsd = 5 }), HttpStatusCode.NotFound);
        AssertProblem(await PutAsync(otherOwner, $"{Settings}/members/someone/budget", new { monthlyUsd = 5 }), HttpStatusCode.NotFound);

        var mine = await SettingsAsync(await OwnerAsync(org));
        Assert.Equal(JsonValueKind.Null, MemberRow(mine, org.MemberId).GetProperty("monthlyUsd").ValueKind);
        Assert.DoesNotContain((await SettingsAsync(otherOwner)).GetProperty("members").EnumerateArray(), m => m.GetProperty("userId").GetInt64() == org.MemberId);
    }

    [Fact]
    public async Task Settings_TimeZone_IsSet_AnUnknownOrMissingZoneIs400_AndChangesNothing()
    {
        var org = await host.NewOrganizationAsync("Zone");
        var owner = await OwnerAsync(org);

        var set = (await PutAsync(owner, $"{Settings}/timezone", new { timeZone = "Europe/Berlin" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Europe/Berlin", Text(set, "timeZone"));

        foreach (var body in new[] { """{ "timeZone": "Mars/Olympus_Mons" }""", """{ "timeZone": 5 }""", """{ "timeZone": "" }""", """{ }""", "{ \"timeZone\": " })
        {
            AssertInputProblem(await PutAsync(owner, $"{Settings}/timezone", body), "timeZone");
        }
        Assert.Equal("Europe/Berlin", Text(await SettingsAsync(owner), "timeZone"));
    }

    [Fact]
    public async Task Settings_Models_APricedOneIsChosen_AnUnpricedOneOrAnUnknownStageIs400_AndChangesNothing()
    {
        var org = await host.NewOrganizationAsync("Models");
        var owner = await OwnerAsync(org);
        var settings = await SettingsAsync(owner);
        var defaultSummary = Text(settings.GetProperty("defaults"), "summary");
        var choice = settings.GetProperty("pricedModels").EnumerateArray().Select(m => Text(m, "model")).First(m => m != defaultSummary);

        var chosen = (await PutAsync(owner, $"{Settings}/models", new { summary = choice, answer = (string?)null, email = (string?)null })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((choice, choice), (Text(chosen.GetProperty("chosen"), "summary"), Text(chosen.GetProperty("inForce"), "summary")));

        var unpriced = await PutAsync(owner, $"{Settings}/models", new { summary = choice, answer = "model-without-a-price" });
        AssertInputProblem(unpriced, "answer");
        Assert.Contains("no price", unpriced.Body, StringComparison.Ordinal);
        AssertInputProblem(await PutAsync(owner, $"{Settings}/models", """{ "summary": null, "stage4": "gemini-3.6-flash" }"""), "stage4");
        AssertInputProblem(await PutAsync(owner, $"{Settings}/models", """{ "summary": 7 }"""), "summary");

        var after = await SettingsAsync(owner);
        Assert.Equal(choice, Text(after.GetProperty("chosen"), "summary"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("chosen").GetProperty("answer").ValueKind);
    }

    [Fact]
    public async Task Settings_Member_IsRefusedEverySettingsEndpoint_AndNothingChanges()
    {
        var org = await host.NewOrganizationAsync("NotYours");
        var member = await MemberAsync(org);

        AssertProblem(await member.GetAnswerAsync(Settings), HttpStatusCode.Forbidden);
        AssertProblem(await PutAsync(member, $"{Settings}/budget", new { monthlyUsd = 50 }), HttpStatusCode.Forbidden);
        AssertProblem(await PutAsync(member, $"{Settings}/members/{Id(org.MemberId)}/budget", new { monthlyUsd = 50 }), HttpStatusCode.Forbidden);
        AssertProblem(await PutAsync(member, $"{Settings}/timezone", new { timeZone = "Europe/Berlin" }), HttpStatusCode.Forbidden);
        AssertProblem(await PutAsync(member, $"{Settings}/models", new { summary = (string?)null }), HttpStatusCode.Forbidden);
        AssertProblem(await member.GetAnswerAsync("/dashboard/costs/month"), HttpStatusCode.Forbidden);

        var settings = await SettingsAsync(await OwnerAsync(org));
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("monthlyUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, MemberRow(settings, org.MemberId).GetProperty("monthlyUsd").ValueKind);
    }

    [Fact]
    public async Task CostsMonth_AfterSeededSpend_AddsUpDayByDay_WithTheBudget()
    {
        var org = await host.NewOrganizationAsync("Month");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var now = host.Clock.GetUtcNow();
        var asked = now.AddMinutes(-2);
        var costs = new[] { 0.1234567891m, 0.25m, 1.5m };
        foreach (var cost in costs)
        {
            await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who?", ScheduleSeed.Sql, startedAt: asked,
                stages: [ScheduleSeed.Stage(asked, cost)]);
        }
        var owner = await OwnerAsync(org);
        (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 40 })).Expect(HttpStatusCode.OK);

        var series = (await owner.GetAnswerAsync("/dashboard/costs/month")).Expect(HttpStatusCode.OK).Json;

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Text(series, "timeZone")!);
        var today = TimeZoneInfo.ConvertTime(now, zone);
        Assert.Equal((today.ToString("yyyy-MM", CultureInfo.InvariantCulture), DateTime.DaysInMonth(today.Year, today.Month), 40m),
            (Text(series, "monthKey"), series.GetProperty("daysInMonth").GetInt32(), series.GetProperty("limitUsd").GetDecimal()));
        var days = series.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(today.Day, days[^1].GetProperty("day").GetInt32());
        Assert.Equal(costs.Sum(), days.Sum(d => d.GetProperty("spentUsd").GetDecimal()));
        Assert.Equal(costs.Sum(), days[^1].GetProperty("cumulativeUsd").GetDecimal());
        var askedDay = TimeZoneInfo.ConvertTime(asked, zone).Day;
        Assert.Equal(costs.Sum(), days.Single(d => d.GetProperty("day").GetInt32() == askedDay).GetProperty("spentUsd").GetDecimal());
    }

    [Fact]
    public async Task Overview_Owner_SeesTheBudget_MemberDoesNot()
    {
        var org = await host.NewOrganizationAsync("Card");
        var owner = await OwnerAsync(org);
        var none = (await owner.GetAnswerAsync("/dashboard/overview")).Expect(HttpStatusCode.OK).Json.GetProperty("budget");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("limitUsd").ValueKind);
        (await PutAsync(owner, $"{Settings}/budget", new { monthlyUsd = 50 })).Expect(HttpStatusCode.OK);

        var budget = (await owner.GetAnswerAsync("/dashboard/overview")).Expect(HttpStatusCode.OK).Json.GetProperty("budget");
        var member = (await (await MemberAsync(org)).GetAnswerAsync("/dashboard/overview")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal((50m, 0m, 0m), (budget.GetProperty("limitUsd").GetDecimal(), budget.GetProperty("spentUsd").GetDecimal(), budget.GetProperty("share").GetDecimal()));
        Assert.InRange(budget.GetProperty("daysToReset").GetInt32(), 1, 31);
        Assert.True(!member.TryGetProperty("budget", out var hidden) || hidden.ValueKind == JsonValueKind.Null, member.GetRawText());
    }

    private static Task<Answer> PutAsync(HttpClient client, string path, object body) => client.SendAsync(HttpMethod.Put, path, body);

    private static async Task<JsonElement> SettingsAsync(HttpClient owner) => (await owner.GetAnswerAsync(Settings)).Expect(HttpStatusCode.OK).Json;

    private static JsonElement MemberRow(JsonElement settings, long userId) =>
        settings.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetInt64() == userId);

    private static string Id(long userId) => userId.ToString(CultureInfo.InvariantCulture);
}
