using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Grains.Organizations;

[GenerateSerializer, Alias("OrleansAssistant.MembershipNoticesState")]
public sealed class MembershipNoticesState
{
    [Id(0)] public long LastId { get; set; }
    [Id(1)] public List<MembershipNotice> Queue { get; set; } = [];
}
