using Orleans.Core.Internal;
using Orleans.Runtime;

namespace OrleansAssistant.Grains.Tests.Cluster;

public static class GrainDeactivation
{
    /// <summary>Deactivates the grain and waits until its activation is gone, so the next call loads its state from storage.</summary>
    public static async Task DeactivateAndWaitAsync(IGrainFactory grains, IAddressable grain)
    {
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await management.GetGrainActivationCount((GrainReference)grain) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the grain did not deactivate within 10 s");
            await Task.Delay(50);
        }
    }
}
