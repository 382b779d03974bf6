using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Grains.Organizations;

[GenerateSerializer, Alias("OrleansAssistant.InvitationState")]
public sealed class InvitationState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string OrgId { get; set; } = "";
    [Id(2)] public long CreatedBy { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(5)] public int MaxUses { get; set; }
    [Id(6)] public bool Revoked { get; set; }
    [Id(7)] public List<InvitationUse> Usage { get; set; } = [];
    /// <summary>Set for a personal invitation: the only person who may redeem or decline it.</summary>
    [Id(8)] public long? Invitee { get; set; }
}
