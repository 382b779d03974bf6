using System.Net;
using MySqlConnector;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task TestDatabase_MySqlUrlOfARealMariaDb_Connects_AndNamesTheProvider()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var server = new MySqlConnectionStringBuilder(await TestMariaDb.CreateDatabaseAsync("dashboard"));
        var url = $"mysql://{Uri.EscapeDataString(server.UserID)}:{Uri.EscapeDataString(server.Password)}@{server.Server}:{server.Port}/{server.Database}";

        var answer = (await owner.PostAnswerAsync("/dashboard/databases/test", new { connectionString = url })).Expect(HttpStatusCode.OK);

        Assert.Contains(server.Database, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, answer.Body, StringComparison.Ordinal);
    }
}
