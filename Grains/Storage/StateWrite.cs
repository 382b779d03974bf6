namespace OrleansAssistant.Grains.Storage;

/// <summary>
/// A grain-state write that failed leaves the activation's copy ahead of storage; deactivating lets the
/// next call load what was really stored instead of building on a change that never landed.
/// </summary>
public static class StateWrite
{
    public static async Task OrDeactivateAsync(Func<Task> write, Action deactivate)
    {
        try
        {
            await write();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
