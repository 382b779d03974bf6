using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Dashboard;

[Collection(SiloCollection.Name)]
public sealed class DashboardLoginGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Login_RightPassword_GivesAUrlSafeTokenAndASessionThatResumes()
    {
        var owner = await Grains.NewOwnerAsync();

        var result = await Grains.LoginAsync(owner.Credentials.Username, owner.Credentials.Password);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", result.Token!);
        Assert.Equal(new Principal(owner.UserId, UserRole.OrgOwner, owner.OrgId, false), result.Session!.Principal);
        Assert.Equal(owner.Credentials.Username, result.Session.Username);
        var resumed = await Grains.Session(result.Token!).ResumeAsync();
        Assert.Equal(result.Session.Principal, resumed!.Principal);
        Assert.DoesNotContain(result.Token!, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Logs.Lines, line =>
            line.Contains(result.Token!, StringComparison.Ordinal) || line.Contains(owner.Credentials.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_TwoLogins_GiveDifferentTokens()
    {
        var owner = await Grains.NewOwnerAsync();

        var first = await Grains.SignInAsync(owner.Credentials);
        var second = await Grains.SignInAsync(owner.Credentials);

        Assert.NotEqual(first, second);
        Assert.NotNull(await Grains.Session(first).ResumeAsync());
    }

    [Fact]
    public async Task Login_UsernameTypedWithCapitalsAndSpaces_IsTheSameUsername()
    {
        var owner = await Grains.NewOwnerAsync();

        var result = await Grains.LoginAsync($"  {owner.Credentials.Username.ToUpperInvariant()} ", owner.Credentials.Password);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LockTheUsernameEvenForTheRightOne()
    {
        var owner = await Grains.NewOwnerAsync();

        await FailFiveTimesAsync(owner.Credentials.Username);
        var locked = await Grains.LoginAsync(owner.Credentials.Username, owner.Credentials.Password);

        Assert.Equal(LoginStatus.LockedOut, locked.Status);
        Assert.Null(locked.Token);
        Assert.InRange(locked.RetryAfter!.Value, DashboardLoginRules.LockoutDuration - Tolerance, DashboardLoginRules.LockoutDuration);
    }

    [Fact]
    public async Task Login_AfterTheLockoutDuration_WorksAgain()
    {
        var owner = await Grains.NewOwnerAsync();
        await FailFiveTimesAsync(owner.Credentials.Username);

        fixture.Clock.Advance(DashboardLoginRules.LockoutDuration);
        var result = await Grains.LoginAsync(owner.Credentials.Username, owner.Credentials.Password);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Login_SuccessResetsTheCount()
    {
        var owner = await Grains.NewOwnerAsync();
        for (var i = 0; i < DashboardLoginRules.MaxFailedAttempts - 1; i++) await Grains.LoginAsync(owner.Credentials.Username, "wrong");

        await Grains.SignInAsync(owner.Credentials);
        for (var i = 0; i < DashboardLoginRules.MaxFailedAttempts - 1; i++) await Grains.LoginAsync(owner.Credentials.Username, "wrong");

        await Grains.SignInAsync(owner.Credentials);
    }

    [Fact]
    public async Task Login_FailuresFurtherApartThanTheLockout_DoNotAddUp()
    {
        var owner = await Grains.NewOwnerAsync();
        for (var i = 0; i < DashboardLoginRules.MaxFailedAttempts - 1; i++) await Grains.LoginAsync(owner.Credentials.Username, "wrong");

        fixture.Clock.Advance(DashboardLoginRules.LockoutDuration + TimeSpan.FromMinutes(1));
        Assert.Equal(LoginStatus.Refused, (await Grains.LoginAsync(owner.Credentials.Username, "wrong")).Status);

        await Grains.SignInAsync(owner.Credentials);
    }

    [Fact]
    public async Task Login_UnknownUsername_GetsExactlyTheAnswersAKnownOneGets()
    {
        var unknown = $"owner_nobody_{TestUsers.NewId()}";

        var answers = new List<LoginResult>();
        for (var i = 0; i <= DashboardLoginRules.MaxFailedAttempts; i++) answers.Add(await Grains.LoginAsync(unknown, "whatever"));

        Assert.All(answers.Take(DashboardLoginRules.MaxFailedAttempts), answer => Assert.Equal(new LoginResult(LoginStatus.Refused), answer));
        Assert.Equal(LoginStatus.LockedOut, answers[^1].Status);
        Assert.InRange(answers[^1].RetryAfter!.Value, DashboardLoginRules.LockoutDuration - Tolerance, DashboardLoginRules.LockoutDuration);
    }

    [Fact]
    public async Task Login_RemovedMember_IsRefused()
    {
        var owner = await Grains.NewOwnerAsync();
        var member = await Grains.NewMemberAsync(owner);
        await Grains.Coordinator().RemoveMemberAsync(owner.UserId, member.UserId);

        var result = await Grains.LoginAsync(member.Credentials.Username, member.Credentials.Password);

        Assert.Equal(new LoginResult(LoginStatus.Refused), result);
    }

    [Fact]
    public async Task Lock_SurvivesASiloRestart()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        var clock = new ShiftableClock();
        DashboardCredentials credentials;
        await using (var silo = await StartAsync(settings, clock))
        {
            credentials = (await silo.Grains.NewOwnerAsync()).Credentials;
            for (var i = 0; i < DashboardLoginRules.MaxFailedAttempts; i++) await silo.Grains.LoginAsync(credentials.Username, "wrong");
        }

        await using var restarted = await StartAsync(settings, clock);
        Assert.Equal(LoginStatus.LockedOut, (await restarted.Grains.LoginAsync(credentials.Username, credentials.Password)).Status);
        clock.Advance(DashboardLoginRules.LockoutDuration);
        Assert.Equal(LoginStatus.Succeeded, (await restarted.Grains.LoginAsync(credentials.Username, credentials.Password)).Status);
    }

    private static Task<InProcessSilo> StartAsync(Dictionary<string, string?> settings, ShiftableClock clock) =>
        InProcessSilo.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));

    private async Task FailFiveTimesAsync(string username)
    {
        for (var i = 0; i < DashboardLoginRules.MaxFailedAttempts; i++)
        {
            Assert.Equal(new LoginResult(LoginStatus.Refused), await Grains.LoginAsync(username, $"wrong-{i}"));
        }
    }
}
