using System.Collections.Concurrent;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>Counts the grain calls the silo takes in, per target grain and interface method, as they arrive.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Target, string Method), int> _calls = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate((context.TargetId, $"{context.InterfaceMethod.DeclaringType!.Name}.{context.InterfaceMethod.Name}"), 1, (_, count) => count + 1);
        return context.Invoke();
    }

    /// <returns>How many calls of <paramref name="method"/> (e.g. <c>IUserGrain.GetPrincipalAsync</c>) <paramref name="target"/> has taken.</returns>
    public int Count(GrainId target, string method) => _calls.GetValueOrDefault((target, method));
}
