namespace OrleansAssistant.Grains.Interfaces.Questions;

[GenerateSerializer, Alias("OrleansAssistant.FeedbackStatus")]
public enum FeedbackStatus
{
    Recorded = 0,
    /// <summary>The same verdict was already recorded: nothing changed.</summary>
    Unchanged = 1,
    /// <summary>No such answer, or it is another person's (the two read alike).</summary>
    NotFound = 2,
    /// <summary>The answer has no SQL to judge (a greeting, a refusal).</summary>
    NotRateable = 3,
}

/// <summary>
/// The outcome of a 👍 / 👎. <see cref="CanVerify"/>: the asker may curate the answer's database and the answer
/// is not in its library yet, so a 👍 can offer to verify it; <see cref="DatabaseName"/> says which library.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.FeedbackResult")]
public sealed record FeedbackResult(
    [property: Id(0)] FeedbackStatus Status,
    [property: Id(1)] FeedbackVerdict? Verdict = null,
    [property: Id(2)] bool CanVerify = false,
    [property: Id(3)] string? DatabaseName = null);
