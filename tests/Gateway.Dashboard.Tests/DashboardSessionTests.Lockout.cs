using System.Net;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardSessionTests
{
    [Fact]
    public async Task Login_FiveWrongPasswords_LockTheUsernameFor15Minutes()
    {
        var org = await host.NewOrganizationAsync();
        for (var attempt = 1; attempt <= DashboardLoginRules.MaxFailedAttempts; attempt++)
        {
            (await Login(org.Owner.Username, "wrong-" + attempt)).Expect(HttpStatusCode.Unauthorized);
        }

        var locked = (await Login(org.Owner.Username, org.Owner.Password)).Expect(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(locked.Header("Retry-After") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Equal("application/problem+json", locked.MediaType);

        host.Clock.Advance(DashboardLoginRules.LockoutDuration);
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
    public async Task Login_UnknownUsername_IsLockedAfterFiveFailuresLikeARealOne()
    {
        var unknown = $"member_nobody_{host.NewUserId()}";
        for (var attempt = 1; attempt <= DashboardLoginRules.MaxFailedAttempts; attempt++)
        {
            (await Login(unknown, "wrong-" + attempt)).Expect(HttpStatusCode.Unauthorized);
        }

        var locked = (await Login(unknown, "wrong-6")).Expect(HttpStatusCode.TooManyRequests);
        Assert.NotNull(locked.Header("Retry-After"));
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
