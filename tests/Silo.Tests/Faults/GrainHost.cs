namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>Which silo (by its silo port) a grain is active on, from the management grain.</summary>
internal static class GrainHost
{
    /// <returns>The silo port, or null when the grain is not active anywhere.</returns>
    public static async Task<int?> SiloPortAsync(IGrainFactory grains, GrainId grainId)
    {
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.FirstOrDefault(activation => activation.GrainId == grainId)?.SiloAddress.Endpoint.Port;
    }
}
