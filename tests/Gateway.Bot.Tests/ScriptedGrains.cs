using System.Reflection;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// An <see cref="IGrainFactory"/> with no cluster behind it: every grain call goes to <see cref="Calls"/>,
/// which returns the call's result (a Task) or throws, as a silo that just died would.
/// Object references are the objects themselves.
/// </summary>
public class ScriptedGrains : DispatchProxy
{
    /// <summary>(grain interface, method, arguments) → the method's return value.</summary>
    public Func<Type, MethodInfo, object?[], object?> Calls { get; set; } = (_, method, _) => throw new NotSupportedException(method.Name);

    public static IGrainFactory Create(Func<Type, MethodInfo, object?[], object?> calls)
    {
        var factory = DispatchProxy.Create<IGrainFactory, ScriptedGrains>();
        ((ScriptedGrains)(object)factory).Calls = calls;
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name switch
        {
            nameof(IGrainFactory.GetGrain) when targetMethod.IsGenericMethod => GrainOf(targetMethod.GetGenericArguments()[0]),
            nameof(IGrainFactory.CreateObjectReference) => args![0],
            nameof(IGrainFactory.DeleteObjectReference) => null,
            _ => throw new NotSupportedException(targetMethod.Name),
        };
    }

    private object GrainOf(Type grainInterface)
    {
        var grain = DispatchProxy.Create(grainInterface, typeof(ScriptedGrain));
        ((ScriptedGrain)grain).Forward = (method, args) => Calls(grainInterface, method, args);
        return grain;
    }
}

/// <summary>One grain reference of <see cref="ScriptedGrains"/>.</summary>
public class ScriptedGrain : DispatchProxy
{
    public Func<MethodInfo, object?[], object?> Forward { get; set; } = (method, _) => throw new NotSupportedException(method.Name);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Forward(targetMethod!, args ?? []);
}
