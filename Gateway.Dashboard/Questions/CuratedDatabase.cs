using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Databases;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>
/// A database whose verified library the caller may manage from the dashboard: one of the caller's organization's
/// databases (anything else, another organization's included, is answered as unknown) that the policy lets them curate.
/// </summary>
internal sealed record CuratedDatabase(DatabaseInfo Info, IVerifiedQueriesGrain Library)
{
    private const string NotFound = "Your organization has no database with that id.";

    public static async Task<(CuratedDatabase? Database, ProblemHttpResult? Problem)> FindAsync(string databaseId, DashboardCaller caller, IGrainFactory grains)
    {
        if (!DatabaseIds.IsWellFormed(databaseId)) return (null, Problems.NotFound(NotFound));
        var info = await grains.GetGrain<IDatabaseConnectionGrain>(databaseId).GetInfoAsync();
        if (info?.OwnerOrgId is not { } owner || owner != caller.OrgId) return (null, Problems.NotFound(NotFound));
        var decision = AuthorizationPolicy.Instance.Check(caller.Principal, AssistantAction.CurateVerifiedQueries, ResourceScope.ForDatabase(info));
        if (!decision.Allowed) return (null, Problems.Forbidden(decision.Reason));
        return (new CuratedDatabase(info, grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId))), null);
    }
}
