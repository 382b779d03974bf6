using System.Collections.Concurrent;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>Counts the grain calls the silo takes in, per target grain and interface method, as they arrive.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Target, string Method), int> _calls = new();
    private readonly List<(GrainId Target, string Method, int Count, TaskCompletionSource Reached)> _waiting = [];

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var key = (context.TargetId, $"{context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}");
        var count = _calls.AddOrUpdate(key, 1, (_, count) => count + 1);
        lock (_waiting)
        {
            foreach (var waiter in _waiting.Where(waiter => (waiter.Target, waiter.Method) == key && count >= waiter.Count).ToArray())
            {
                _waiting.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
        return context.Invoke();
    }

    /// <returns>How many calls of <paramref name="method"/> (e.g. <c>IUserGrain.GetPrincipalAsync</c>) <paramref name="target"/> has taken.</returns>
    public int Count(GrainId target, string method) => _calls.GetValueOrDefault((target, method));

    /// <summary>Completes once <paramref name="target"/> has taken <paramref name="count"/> calls of <paramref name="method"/> in all.</summary>
    public Task ReachedAsync(GrainId target, string method, int count)
    {
        lock (_waiting)
        {
            if (Count(target, method) >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((target, method, count, reached));
            return reached.Task;
        }
    }
}
