using System.Text.RegularExpressions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The access table of docs/dashboard-api.md, row by row, for every kind of caller.</summary>
public sealed class DashboardRbacTests(RbacFixture fixture) : IClassFixture<RbacFixture>
{
    public static TheoryData<string, RbacCaller> Cases()
    {
        var cases = new TheoryData<string, RbacCaller>();
        foreach (var endpoint in RbacEndpoints.All)
        {
            foreach (var caller in Enum.GetValues<RbacCaller>()) cases.Add(endpoint.Name, caller);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersEachCallerAsTheTableSays(string endpointName, RbacCaller caller)
    {
        var endpoint = RbacEndpoints.Named(endpointName);
        var request = await endpoint.Request(fixture, caller);
        var client = await ClientForAsync(caller, endpoint.Access);

        var answer = await client.SendAsync(endpoint.Method, request.Path, request.Body);

        Assert.True(answer.Code == endpoint.ExpectedStatus(caller),
            $"{endpoint.Method} {request.Path} as {caller}: expected {endpoint.ExpectedStatus(caller)}, got {answer}");
        if (answer.Code >= 400 && answer.Body.Length > 0) Assert.Equal("application/problem+json", answer.MediaType);
        if (request.TargetUntouched is { } untouched && caller != RbacCaller.Owner)
        {
            Assert.True(await untouched(), $"{caller} was refused with {answer.Code}, yet organization A's target changed");
        }
    }

    [Fact]
    public async Task Table_CoversEveryEndpointTheContractNames()
    {
        var contract = await File.ReadAllTextAsync(Contract.Path);
        var ours = RbacEndpoints.All.Select(e => $"{e.Method.Method} {e.Name.Split(' ')[0]}").ToHashSet();
        var named = Regex.Matches(contract, @"`(GET|POST|DELETE) /dashboard/([a-z/\-]+)(?:\?|`)").Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value.TrimEnd('/')}").ToList();
        Assert.NotEmpty(named);
        Assert.All(named, endpoint => Assert.Contains(endpoint, ours));
    }

    private async Task<HttpClient> ClientForAsync(RbacCaller caller, RbacAccess access)
    {
        if (caller == RbacCaller.GarbageToken) return fixture.Host.ClientWithToken("not-a-real-token-" + Guid.NewGuid().ToString("N"));
        if (caller == RbacCaller.Anonymous || access == RbacAccess.Login) return fixture.Host.NewClient();
        // A session of its own for each case: the logout row ends it.
        var credentials = caller switch
        {
            RbacCaller.Member => fixture.A.Member,
            RbacCaller.Owner => fixture.A.Owner,
            _ => fixture.B.Owner,
        };
        return await fixture.Host.LoginAsync(credentials.Username, credentials.Password);
    }
}
