namespace OrleansAssistant.Hosting.Resilience;

/// <summary>
/// Runs an idempotent call and, while no copy has answered, the same call again every
/// <c>repeatAfter</c> (at most <see cref="MaxCopies"/> copies). A call already on its way to a silo
/// that then died is failed only by Orleans' response timeout (30 s); a repeat reaches the grain's
/// new activation as soon as membership has caught up, or joins the running call if nothing died.
/// The first answer wins; an error counts only when no copy is left.
/// </summary>
public static class RepeatedCall
{
    public const int MaxCopies = 4;

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, TimeSpan repeatAfter, TimeProvider timeProvider, Action onRepeat, CancellationToken cancellationToken)
    {
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var copies = new List<Task<T>> { call() };
        try
        {
            while (true)
            {
                var timer = copies.Count < MaxCopies ? Task.Delay(repeatAfter, timeProvider, stopTimer.Token) : Task.Delay(Timeout.Infinite, stopTimer.Token);
                var first = await Task.WhenAny([.. copies, timer]);
                if (first == timer)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    onRepeat();
                    copies.Add(call());
                    continue;
                }
                var done = (Task<T>)first;
                copies.Remove(done);
                if (done.IsCompletedSuccessfully || copies.Count == 0) return await done;
            }
        }
        finally
        {
            await stopTimer.CancelAsync();
            // Copies still out will end on their own; their errors are of no interest any more.
            foreach (var copy in copies) _ = copy.ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }
}
