using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Reads ride out a dead silo's transient errors; changes are never repeated.</summary>
public sealed class ClusterReadRetryTests
{
    [Fact]
    public async Task Get_FailingTwiceWithADeadSilo_IsAnsweredOnTheThirdTry()
    {
        var calls = 0;
        var result = await InvokeAsync(HttpMethods.Get, TimeSpan.FromSeconds(20), () =>
            ++calls <= 2 ? throw new SiloUnavailableException("silo died") : "members");

        Assert.Equal("members", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Delete_FailingWithADeadSilo_IsNotRepeated()
    {
        var calls = 0;
        await Assert.ThrowsAsync<SiloUnavailableException>(() => InvokeAsync(HttpMethods.Delete, TimeSpan.FromSeconds(20), () =>
        {
            calls++;
            throw new SiloUnavailableException("silo died");
        }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Get_FailingForAnotherReason_IsNotRepeated()
    {
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(HttpMethods.Get, TimeSpan.FromSeconds(20), () =>
        {
            calls++;
            throw new InvalidOperationException("a bug, not an outage");
        }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Get_StillFailingWhenTheBudgetIsSpent_GivesUpWithTheClusterError()
    {
        var calls = 0;
        await Assert.ThrowsAsync<ClusterUnavailableException>(() => InvokeAsync(HttpMethods.Get, TimeSpan.FromSeconds(1), () =>
        {
            calls++;
            throw new TimeoutException("response timed out");
        }));

        Assert.InRange(calls, 2, 10);
    }

    private static async Task<object?> InvokeAsync(string method, TimeSpan budget, Func<object> handler)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        var filter = new ClusterReadRetry(new ClusterCallRetry(budget, TimeProvider.System, NullLogger<ClusterCallRetry>.Instance));
        return await filter.InvokeAsync(EndpointFilterInvocationContext.Create(http), _ => ValueTask.FromResult<object?>(handler()));
    }
}
