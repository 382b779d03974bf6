using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Invitations;

/// <summary>An organization's invitations as their grains state them now (status, uses), newest first.</summary>
internal static class OrganizationInvitations
{
    public static async Task<IReadOnlyList<InvitationInfo>> LoadAsync(IGrainFactory grains, string orgId)
    {
        var codes = await grains.GetGrain<IOrganizationGrain>(orgId).GetInvitationCodesAsync();
        var infos = await Task.WhenAll(codes.Select(code => grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync()));
        return [.. infos.OfType<InvitationInfo>().Where(info => info.OrgId == orgId).OrderByDescending(info => info.CreatedAt)];
    }
}
