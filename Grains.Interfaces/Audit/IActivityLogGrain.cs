namespace OrleansAssistant.Grains.Interfaces.Audit;

/// <summary>Lets a gateway record what a person asked it to do. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IActivityLogGrain")]
public interface IActivityLogGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records that <paramref name="userId"/> sent <paramref name="command"/> (the name only: arguments
    /// can hold secrets such as connection strings). What the command changed is logged by the grains.
    /// </summary>
    [Alias("RecordCommand")]
    Task RecordCommandAsync(long userId, string command);
}
