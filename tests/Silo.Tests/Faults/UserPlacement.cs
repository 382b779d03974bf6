namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>Which silo (by its silo port) each user grain is active on, from the management grain.</summary>
internal static class UserPlacement
{
    public static async Task<IReadOnlyDictionary<long, int>> SiloPortsAsync(IGrainFactory grains, IEnumerable<long> userIds)
    {
        var users = userIds.ToDictionary(id => grains.GetGrain<Grains.Interfaces.Users.IUserGrain>(id).GetGrainId(), id => id);
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations
            .Where(activation => users.ContainsKey(activation.GrainId))
            .ToDictionary(activation => users[activation.GrainId], activation => activation.SiloAddress.Endpoint.Port);
    }
}
