using System.Reflection;
using System.Reflection.Emit;

namespace OrleansAssistant.Grains.Tests.Dashboard;

/// <summary>Reads which methods a method calls straight from its IL, following calls into its own type.</summary>
internal static class IlCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Everything <paramref name="method"/> calls, directly or through helpers of its declaring type.</summary>
    public static IReadOnlySet<MethodBase> Reachable(MethodBase method)
    {
        var owner = method.DeclaringType!;
        var found = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>([method]);
        while (pending.TryPop(out var current))
        {
            foreach (var callee in DirectCalls(current))
            {
                if (found.Add(callee) && IsInside(callee.DeclaringType, owner)) pending.Push(callee);
            }
        }
        return found;
    }

    private static bool IsInside(Type? type, Type owner) =>
        type is not null && (type == owner || IsInside(type.DeclaringType, owner));

    private static List<MethodBase> DirectCalls(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var calls = new List<MethodBase>();
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE
                ? OpCodesByValue[unchecked((short)(0xFE00 | il[position + 1]))]
                : OpCodesByValue[il[position]];
            position += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                calls.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!);
            }
            position += OperandSize(code.OperandType, il, position);
        }
        return calls;
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
        _ => 4,
    };
}
