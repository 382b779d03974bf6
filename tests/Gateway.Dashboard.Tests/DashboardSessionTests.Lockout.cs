using System.Net;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardSessionTests
{
    [Fact]
    public async Task Login_WrongPasswordsBeyondTheFreeOnes_MakeThatAddressWait()
    {
        var org = await host.NewOrganizationAsync();
        for (var attempt = 1; attempt <= DashboardLoginRules.FreeFailures + 1; attempt++)
        {
            (await Login(org.Owner.Username, "wrong-" + attempt)).Expect(HttpStatusCode.Unauthorized);
        }

        var throttled = (await Login(org.Owner.Username, org.Owner.Password)).Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal("1", throttled.Header("Retry-After"));
        Assert.Equal("application/problem+json", throttled.MediaType);

        host.Clock.Advance(DashboardLoginRules.FirstDelay);
        (await Login(org.Owner.Username, org.Owner.Password)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_UnknownUsername_AnswersExactlyLikeAWrongPassword()
    {
        var org = await host.NewOrganizationAsync();
        var unknown = $"owner_nobody_{host.NewUserId()}";

        var wrongPassword = (await Login(org.Owner.Username, "wrong")).Expect(HttpStatusCode.Unauthorized);
        var wrongName = (await Login(unknown, "wrong")).Expect(HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword.MediaType, wrongName.MediaType);
        Assert.Equal("Wrong username or password.", wrongPassword.Json.GetProperty("title").GetString());
        Assert.Equal(wrongPassword.Json.GetProperty("title").GetString(), wrongName.Json.GetProperty("title").GetString());
        Assert.Equal(PropertyNames(wrongPassword), PropertyNames(wrongName));
    }

    [Fact]
    public async Task Login_UnknownUsername_IsThrottledLikeARealOne()
    {
        var unknown = $"member_nobody_{host.NewUserId()}";
        for (var attempt = 1; attempt <= DashboardLoginRules.FreeFailures + 1; attempt++)
        {
            (await Login(unknown, "wrong-" + attempt)).Expect(HttpStatusCode.Unauthorized);
        }

        var throttled = (await Login(unknown, "wrong-again")).Expect(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Header("Retry-After"));
    }

    [Fact]
    public async Task Login_FromOneAddressBeyondTheLimit_IsTooManyRequests()
    {
        await using var limited = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:LoginRequestsPerMinute"] = "3" });
        var client = limited.NewClient();
        for (var request = 1; request <= 3; request++)
        {
            (await client.PostAnswerAsync("/dashboard/login", new { username = $"someone_{request}", password = "wrong" })).Expect(HttpStatusCode.Unauthorized);
        }

        var refused = (await client.PostAnswerAsync("/dashboard/login", new { username = "someone_4", password = "wrong" })).Expect(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Header("Retry-After"));
    }
}
