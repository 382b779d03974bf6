using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Messaging;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The gateway's retry of grain calls while part of the cluster is down: what it retries, how long it waits, when it gives up.</summary>
public sealed class ClusterCallRetryTests
{
    private static ClusterCallRetry Retry(TimeSpan budget) => new(budget, TimeProvider.System, NullLogger<ClusterCallRetry>.Instance);

    public static TheoryData<Exception> TransientErrors() =>
    [
        new SiloUnavailableException(),
        OrleansErrors.Rejection(),
        new ConnectionFailedException("Connection refused"),
        new GatewayTooBusyException(),
        new TimeoutException("Response did not arrive on time"),
        new AggregateException(new SiloUnavailableException()),
        // What Orleans throws when placement waited on a dead silo's directory partition too long.
        new OperationCanceledException("Message expired before placement could complete for grain user/4D5DEB."),
    ];

    [Theory]
    [MemberData(nameof(TransientErrors))]
    public async Task TransientClusterError_IsRetried_UntilTheCallSucceeds(Exception error)
    {
        var attempts = 0;

        var result = await Retry(TimeSpan.FromSeconds(10)).RunAsync("Test", "chat 1", () =>
            ++attempts < 3 ? Task.FromException<int>(error) : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task OtherError_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retry(TimeSpan.FromSeconds(10)).RunAsync<int>("Test", "chat 1", () =>
        {
            attempts++;
            throw new InvalidOperationException("a bug, not an outage");
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task CancelledByTheCaller_IsNotRetried()
    {
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Retry(TimeSpan.FromSeconds(10)).RunAsync<int>("Test", "chat 1", () =>
        {
            attempts++;
            throw new OperationCanceledException("Message expired", stop.Token);
        }, stop.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ClusterDownForTheWholeBudget_GivesUpInTime_WithClusterUnavailable()
    {
        var attempts = 0;
        var clock = Stopwatch.StartNew();

        var gaveUp = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Retry(TimeSpan.FromSeconds(1)).RunAsync<int>("Test", "chat 1", () =>
        {
            attempts++;
            throw new SiloUnavailableException();
        }, CancellationToken.None));

        Assert.IsType<SiloUnavailableException>(gaveUp.InnerException);
        // The first wait (at most 250 ms) always fits a 1 s budget, and waits of at least 125, 250, 500 and
        // 1,000 ms cannot all fit: 2 to 4 attempts whatever the machine's load.
        Assert.InRange(attempts, 2, 4);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CallLostWithADeadSilo_IsRepeatedAlongside_AndTheRepeatsAnswerWins()
    {
        var lost = new TaskCompletionSource<int>();
        var calls = 0;

        var result = await Retry(TimeSpan.FromSeconds(10)).RunAsync("Test", "chat 1",
            () => Interlocked.Increment(ref calls) == 1 ? lost.Task : Task.FromResult(42), CancellationToken.None, TimeSpan.FromMilliseconds(200));

        Assert.Equal(42, result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task SlowButAliveCall_IsRepeatedAtMostThreeTimes_AndItsAnswerIsTaken()
    {
        var answer = new TaskCompletionSource<int>();
        var calls = 0;

        var running = Retry(TimeSpan.FromSeconds(10)).RunAsync("Test", "chat 1", () =>
        {
            Interlocked.Increment(ref calls);
            return answer.Task;
        }, CancellationToken.None, TimeSpan.FromMilliseconds(100));
        await Task.Delay(700);
        answer.SetResult(7);

        Assert.Equal(7, await running);
        Assert.Equal(4, calls);
    }

    [Theory]
    [InlineData(1, 125, 250)]
    [InlineData(2, 250, 500)]
    [InlineData(3, 500, 1000)]
    [InlineData(5, 2000, 4000)]
    [InlineData(6, 2000, 4000)]
    [InlineData(1000, 2000, 4000)]
    public void Backoff_DoublesWithJitter_AndNeverExceedsFourSeconds(int attempt, int shortestMs, int longestMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(shortestMs), ClusterBackoff.Delay(attempt, 0));
        Assert.InRange(ClusterBackoff.Delay(attempt, 0.999_999), TimeSpan.FromMilliseconds(longestMs - 1), TimeSpan.FromMilliseconds(longestMs));
    }
}
