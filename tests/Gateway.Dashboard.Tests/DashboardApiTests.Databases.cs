using System.Net;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task TestDatabase_ThatDoesNotConnect_ExplainsWithoutThePassword()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var password = $"Pw-{Guid.NewGuid():N}";
        // Nothing listens on a port just found free, so the connection is refused at once.
        var connectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Database=shop;Username=shop;Password={password}";

        var answer = await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString });

        Assert.True(answer.Status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, answer.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("title").GetString()));
        Assert.DoesNotContain(password, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestDatabase_MoreThanTenAMinute_IsTooManyRequests_AndTriesNothing()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var connectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Database=shop;Username=shop;Password=pw";
        for (var test = 1; test <= 10; test++)
        {
            (await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString })).Expect(HttpStatusCode.UnprocessableEntity);
        }

        var limited = (await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString })).Expect(HttpStatusCode.TooManyRequests);

        Assert.Contains("try again", limited.Json.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TestDatabase_Unreadable_IsAnInputProblem()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString = "this is not a connection string" }), "connectionString");
        AssertInputProblem(await owner.PostAnswerAsync("/dashboard/databases/test", new { }), "connectionString");
    }

    [Fact]
    public async Task TestDatabase_RealSqliteFile_Connects()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var connectionString = $"Data Source={await SqliteFiles.CreateAsync(host.SqliteFolder)}";

        var answer = (await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString })).Expect(HttpStatusCode.OK);

        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("message").GetString()));
        Assert.DoesNotContain((await owner.GetAnswerAsync("/dashboard/databases")).Json.EnumerateArray(), d => !d.GetProperty("isShared").GetBoolean());
    }

    [Fact]
    public async Task CreateDatabase_RealSqliteFile_IsListedWithoutItsConnectionString()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var connectionString = $"Data Source={await SqliteFiles.CreateAsync(host.SqliteFolder)}";

        var created = (await owner.PostAnswerAsync("/dashboard/databases/create", new { name = "Shop", connectionString })).Expect(HttpStatusCode.Created);

        var database = created.Json.GetProperty("database");
        Assert.Equal("Shop", database.GetProperty("name").GetString());
        Assert.Equal("Sqlite", database.GetProperty("provider").GetString());
        Assert.Equal("SQLite", database.GetProperty("providerName").GetString());
        Assert.DoesNotContain("Data Source", created.Body, StringComparison.OrdinalIgnoreCase);
        var list = (await owner.GetAnswerAsync("/dashboard/databases")).Expect(HttpStatusCode.OK);
        Assert.Contains(list.Json.EnumerateArray(), d => d.GetProperty("databaseId").GetString() == database.GetProperty("databaseId").GetString());
        Assert.DoesNotContain("Data Source", list.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("connectionString", list.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateDatabase_WithoutName_IsAnInputProblem()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var connectionString = $"Data Source={await SqliteFiles.CreateAsync(host.SqliteFolder)}";

        AssertInputProblem(await owner.PostAnswerAsync("/dashboard/databases/create", new { connectionString }), "name");
    }

    [Fact]
    public async Task RemoveDatabase_IsGoneFromTheList()
    {
        var org = await host.NewOrganizationAsync();
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await OwnerAsync(org);

        (await owner.DeleteAnswerAsync($"/dashboard/databases/remove?databaseId={Uri.EscapeDataString(database.DatabaseId)}")).Expect(HttpStatusCode.NoContent);

        var list = (await owner.GetAnswerAsync("/dashboard/databases")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.DoesNotContain(list, d => d.GetProperty("databaseId").GetString() == database.DatabaseId);
    }

    [Fact]
    public async Task RemoveDatabase_UnknownId_IsNotFound()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertProblem(await owner.DeleteAnswerAsync("/dashboard/databases/remove?databaseId=db_nothing_here"), HttpStatusCode.NotFound);
    }
}
