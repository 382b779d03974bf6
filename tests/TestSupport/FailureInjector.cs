namespace OrleansAssistant.TestSupport;

/// <summary>
/// A real Orleans grain call filter that fails the next call of one grain method once, to prove
/// that multi-grain operations recover when a step fails midway.
/// </summary>
public sealed class FailureInjector : IIncomingGrainCallFilter
{
    private readonly object _gate = new();
    private (Type Interface, string Method)? _armed;

    public int Injected { get; private set; }

    /// <summary>The next call of <paramref name="method"/> on any grain implementing <typeparamref name="TGrain"/> throws.</summary>
    public void FailNextCall<TGrain>(string method)
    {
        lock (_gate) _armed = (typeof(TGrain), method);
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        lock (_gate)
        {
            if (_armed is { } armed && context.InterfaceMethod.DeclaringType == armed.Interface && context.InterfaceMethod.Name == armed.Method)
            {
                _armed = null;
                Injected++;
                throw new InjectedFailureException($"Injected failure in {armed.Interface.Name}.{armed.Method}");
            }
        }
        return context.Invoke();
    }
}

public sealed class InjectedFailureException(string message) : Exception(message);
