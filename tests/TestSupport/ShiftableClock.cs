namespace OrleansAssistant.TestSupport;

/// <summary>The real clock plus an offset the test moves forward, e.g. past an invitation's expiry.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
