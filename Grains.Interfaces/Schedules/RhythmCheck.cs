namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>
/// The outcome of checking a rhythm. Accepted: <see cref="NextDue"/> is its first run (UTC) after the check.
/// <see cref="RhythmProblem.TooFrequent"/>: <see cref="ShortestGap"/> is the closest two runs came and
/// <see cref="MinimumInterval"/> the gap the installation allows.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.RhythmCheck")]
public sealed record RhythmCheck(
    [property: Id(0)] RhythmProblem Problem,
    [property: Id(1)] DateTimeOffset? NextDue = null,
    [property: Id(2)] TimeSpan? ShortestGap = null,
    [property: Id(3)] TimeSpan? MinimumInterval = null)
{
    public bool IsAccepted => Problem == RhythmProblem.None;
}
