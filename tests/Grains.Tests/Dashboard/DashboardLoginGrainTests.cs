using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Dashboard;

[Collection(SiloCollection.Name)]
public sealed class DashboardLoginGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

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
    public async Task Login_RemovedMember_IsRefused()
    {
        var owner = await Grains.NewOwnerAsync();
        var member = await Grains.NewMemberAsync(owner);
        await Grains.Coordinator().RemoveMemberAsync(owner.UserId, member.UserId);

        var result = await Grains.LoginAsync(member.Credentials.Username, member.Credentials.Password);

        Assert.Equal(new LoginResult(LoginStatus.Refused), result);
    }
}
