namespace OrleansAssistant.Benchmarks.Load;

/// <summary>How an action ended, as the user saw it.</summary>
internal enum ActionOutcome
{
    Done,
    /// <summary>The user grain's rate limit refused the question: counted apart, not as an error.</summary>
    RateLimited,
    /// <summary>A reply other than the expected one (a failed question, an error message).</summary>
    Failed,
    /// <summary>No final reply within the patience limit.</summary>
    TimedOut,
}
