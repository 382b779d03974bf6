using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Dashboard;

/// <summary>Wrong passwords slow down the network they come from, never the owner elsewhere.</summary>
[Collection(SiloCollection.Name)]
public sealed class LoginThrottleTests(SiloFixture fixture)
{
    private const string StrangerNetwork = "203.0.113.7";

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task StrangersFailures_FromAnotherNetwork_DoNotStopTheOwner()
    {
        var owner = await Grains.NewOwnerAsync();
        for (var i = 0; i < 20; i++) await Grains.LoginAsync(owner.Credentials.Username, $"guess-{i}", StrangerNetwork);

        var result = await Grains.LoginAsync(owner.Credentials.Username, owner.Credentials.Password);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task FailuresBeyondTheFreeOnes_MakeTheNetworkWait_LongerEachTime_UpToTheCap()
    {
        var owner = await Grains.NewOwnerAsync();
        var username = owner.Credentials.Username;
        for (var i = 0; i < DashboardLoginRules.FreeFailures; i++)
        {
            Assert.Equal(new LoginResult(LoginStatus.Refused), await Grains.LoginAsync(username, "wrong", StrangerNetwork));
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(LoginStatus.Refused, (await Grains.LoginAsync(username, "wrong", StrangerNetwork)).Status);
            var throttled = await Grains.LoginAsync(username, owner.Credentials.Password, StrangerNetwork);
            Assert.Equal(LoginStatus.Throttled, throttled.Status);
            Assert.Null(throttled.Token);
            waits.Add(throttled.RetryAfter!.Value);
            fixture.Clock.Advance(throttled.RetryAfter!.Value);
        }

        // The test clock also runs with real time, so a wait is a little under its nominal length.
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits.Select(wait => Math.Ceiling(wait.TotalSeconds)));
    }

    [Fact]
    public async Task Success_ResetsTheCount()
    {
        var owner = await Grains.NewOwnerAsync();
        for (var i = 0; i < DashboardLoginRules.FreeFailures; i++) await Grains.LoginAsync(owner.Credentials.Username, "wrong");

        await Grains.SignInAsync(owner.Credentials);
        for (var i = 0; i < DashboardLoginRules.FreeFailures; i++)
        {
            Assert.Equal(LoginStatus.Refused, (await Grains.LoginAsync(owner.Credentials.Username, "wrong")).Status);
        }

        await Grains.SignInAsync(owner.Credentials);
    }

    [Fact]
    public async Task UnknownUsername_GetsExactlyTheAnswersAKnownOneGets()
    {
        var owner = await Grains.NewOwnerAsync();
        var unknown = $"owner_nobody_{TestUsers.NewId()}";

        var known = await AnswersAsync(owner.Credentials.Username);
        var madeUp = await AnswersAsync(unknown);

        Assert.Equal(known.Select(Shape), madeUp.Select(Shape));
        Assert.Equal(LoginStatus.Throttled, madeUp[^1].Status);
    }

    [Fact]
    public async Task Wait_SurvivesASiloRestart()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        var clock = new ShiftableClock();
        DashboardCredentials credentials;
        await using (var silo = await StartAsync(settings, clock))
        {
            credentials = (await silo.Grains.NewOwnerAsync()).Credentials;
            for (var i = 0; i < DashboardLoginRules.FreeFailures + 5; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(30));
                await silo.Grains.LoginAsync(credentials.Username, "wrong");
            }
        }

        await using var restarted = await StartAsync(settings, clock);
        Assert.Equal(LoginStatus.Throttled, (await restarted.Grains.LoginAsync(credentials.Username, credentials.Password)).Status);
        clock.Advance(DashboardLoginRules.MaxDelay);
        Assert.Equal(LoginStatus.Succeeded, (await restarted.Grains.LoginAsync(credentials.Username, credentials.Password)).Status);
    }

    private async Task<List<LoginResult>> AnswersAsync(string username)
    {
        var answers = new List<LoginResult>();
        for (var i = 0; i <= DashboardLoginRules.FreeFailures + 1; i++) answers.Add(await Grains.LoginAsync(username, "whatever", StrangerNetwork));
        return answers;
    }

    private static (LoginStatus, bool, double?) Shape(LoginResult answer) =>
        (answer.Status, answer.Token is null, answer.RetryAfter is { } wait ? Math.Ceiling(wait.TotalSeconds) : null);

    private static Task<InProcessSilo> StartAsync(Dictionary<string, string?> settings, ShiftableClock clock) =>
        InProcessSilo.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
}
