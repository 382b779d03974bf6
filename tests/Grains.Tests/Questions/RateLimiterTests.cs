using Microsoft.Extensions.Time.Testing;
using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Tests.Questions;

public sealed class RateLimiterTests
{
    [Fact]
    public void ThreeQuickQuestionsPass_TheFourthWaits_AndOneMorePassesAfterASecond()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(time);

        var firstThree = Enumerable.Range(0, 3).Select(_ => bucket.TryTake(out TimeSpan _)).ToArray();
        var fourth = bucket.TryTake(out var wait);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = bucket.TryTake(out _);
        var immediatelyAgain = bucket.TryTake(out var secondWait);

        Assert.All(firstThree, Assert.True);
        Assert.False(fourth);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.True(afterASecond);
        Assert.False(immediatelyAgain);
        Assert.Equal(TimeSpan.FromSeconds(1), secondWait);
    }

    [Fact]
    public void WaitTime_ShrinksAsTheBucketRefills()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(time);
        for (var i = 0; i < 3; i++) bucket.TryTake(out _);

        time.Advance(TimeSpan.FromMilliseconds(400));
        bucket.TryTake(out var wait);

        Assert.Equal(600, wait.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void LongIdle_RefillsOnlyUpToTheBurst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(time);
        for (var i = 0; i < 3; i++) bucket.TryTake(out _);

        time.Advance(TimeSpan.FromHours(1));
        var taken = Enumerable.Range(0, 5).Count(_ => bucket.TryTake(out TimeSpan _));

        Assert.Equal(3, taken);
    }
}
