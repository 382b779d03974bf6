using System.Net;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Names with invisible or text-direction characters are refused with a sentence naming the field, and nothing is stored.</summary>
public sealed class NameSafetyTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    public static TheoryData<string> HiddenCharacters => ["\u202E", "\u202A", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\u2060", "\uFEFF"];

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public async Task DatabaseName_WithAHiddenCharacter_IsRefused_AndNothingIsAdded(string hidden)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var connectionString = $"Data Source={await SqliteFiles.CreateAsync(host.SqliteFolder)}";

        var refused = await owner.PostAnswerAsync("/dashboard/databases/create", new { name = $"Shop{hidden}xlsx.exe", connectionString });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(Refusal("database name"), refused.Json.GetProperty("title").GetString());
        var names = (await owner.GetAnswerAsync("/dashboard/databases")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Select(database => database.GetProperty("name").GetString());
        Assert.DoesNotContain(names, name => name!.StartsWith("Shop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GlossaryTerm_WithARightToLeftOverride_IsRefused_AndTheGlossaryStaysEmpty()
    {
        var org = await host.NewOrganizationAsync();
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);

        var refused = await owner.SendAsync(HttpMethod.Put, $"/dashboard/databases/{database.DatabaseId}/glossary",
            new[] { new { term = "vip\u202Esresu", meaning = "customers with more than ten orders" } });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(Refusal("glossary term"), refused.Json.GetProperty("title").GetString());
        var page = (await owner.GetAnswerAsync($"/dashboard/databases/{database.DatabaseId}/library")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(0, page.GetProperty("glossary").GetArrayLength());
    }

    private static string Refusal(string field) =>
        $"The {field} contains invisible or text-direction characters (such as U+202E or a zero-width space). Please type it without them.";
}
