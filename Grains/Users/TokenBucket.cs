namespace OrleansAssistant.Grains.Users;

/// <summary>
/// A token bucket on <see cref="TimeProvider"/>: <c>burst</c> questions at once, refilled at
/// <c>perSecond</c>. Lives in the user grain's memory; one activation per user makes it cluster-wide.
/// </summary>
public sealed class TokenBucket(TimeProvider timeProvider, double perSecond = 1, int burst = 3)
{
    private double _tokens = burst;
    private DateTimeOffset _refilledAt = timeProvider.GetUtcNow();

    /// <summary>Takes a token if one is there.</summary>
    /// <param name="retryAfter">When refused: how long until a token is back.</param>
    public bool TryTake(out TimeSpan retryAfter)
    {
        Refill();
        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        return false;
    }

    private void Refill()
    {
        var now = timeProvider.GetUtcNow();
        var elapsed = (now - _refilledAt).TotalSeconds;
        if (elapsed <= 0) return;
        _tokens = Math.Min(burst, _tokens + elapsed * perSecond);
        _refilledAt = now;
    }
}
