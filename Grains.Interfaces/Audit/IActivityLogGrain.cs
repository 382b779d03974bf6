namespace OrleansAssistant.Grains.Interfaces.Audit;

/// <summary>Lets a gateway record what a person asked it to do, and read an organization's log. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IActivityLogGrain")]
public interface IActivityLogGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records that <paramref name="userId"/> sent <paramref name="command"/> (the name only: arguments
    /// can hold secrets such as connection strings). What the command changed is logged by the grains.
    /// </summary>
    [Alias("RecordCommand")]
    Task RecordCommandAsync(long userId, string command);

    /// <summary>
    /// A page of the organization's log, newest first (page from 1, page size 1–200). The caller has
    /// already checked that the asker may read it.
    /// </summary>
    [Alias("List")]
    Task<ActivityPage> ListAsync(string orgId, ActivityQuery query);
}
