using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Every endpoint of docs/dashboard-api.md with the request each caller sends.</summary>
public static class RbacEndpoints
{
    public static readonly IReadOnlyList<RbacEndpoint> All =
    [
        new("login", HttpMethod.Post, RbacAccess.Login, 200, (f, caller) => Task.FromResult(new RbacRequest("/dashboard/login", LoginBody(f, caller)))),
        new("logout", HttpMethod.Post, RbacAccess.SignedIn, 204, Plain("/dashboard/logout")),
        new("me", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/me")),
        new("overview", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/overview")),
        new("members", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/members")),
        new("databases", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/databases")),
        new("me/usage", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/me/usage")),
        // Adding names a standalone user, who belongs to no organization: the other owner adds them to B.
        new("members/add", HttpMethod.Post, RbacAccess.OwnerOnly, 202, async (f, _) => new RbacRequest("/dashboard/members/add", new { userId = await f.Host.NewUserAsync() })),
        new("members/remove", HttpMethod.Delete, RbacAccess.OwnerOnly, 204, RemoveMemberOfA, NamesIds: true),
        new("members/export", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/members/export")),
        new("databases/test", HttpMethod.Post, RbacAccess.OwnerOnly, 200, async (f, _) => new RbacRequest("/dashboard/databases/test", new { connectionString = await NewSqliteAsync(f) })),
        new("databases/create", HttpMethod.Post, RbacAccess.OwnerOnly, 201, async (f, _) => new RbacRequest("/dashboard/databases/create", new { name = "Shop", connectionString = await NewSqliteAsync(f) })),
        new("databases/remove", HttpMethod.Delete, RbacAccess.OwnerOnly, 204, RemoveDatabaseOfA, NamesIds: true),
        new("invitations", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/invitations")),
        new("invitations/create", HttpMethod.Post, RbacAccess.OwnerOnly, 201, (_, _) => Task.FromResult(new RbacRequest("/dashboard/invitations/create", new { }))),
        new("invitations/revoke", HttpMethod.Delete, RbacAccess.OwnerOnly, 200, RevokeInvitationOfA, NamesIds: true),
        new("costs/overview", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/overview")),
        new("costs/overview csv", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/overview?format=csv")),
        new("costs/by-model", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/by-model")),
        new("costs/by-stage", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/by-stage")),
        new("costs/per-user", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/per-user")),
        new("costs/input-output", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/input-output")),
        new("activity", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/activity")),
        new("questions", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/questions")),
        new("questions csv", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/questions?format=csv")),
        new("questions/{conversationId}", HttpMethod.Get, RbacAccess.OwnerOnly, 200, RbacLibraryRequests.QuestionOfA, NamesIds: true),
        new("databases/{databaseId}/library", HttpMethod.Get, RbacAccess.OwnerOnly, 200, RbacLibraryRequests.Library, NamesIds: true),
        new("databases/{databaseId}/library/try", HttpMethod.Post, RbacAccess.OwnerOnly, 200, RbacLibraryRequests.Try, NamesIds: true),
        new("databases/{databaseId}/library verify", HttpMethod.Post, RbacAccess.OwnerOnly, 201, RbacLibraryRequests.Verify, NamesIds: true),
        new("databases/{databaseId}/library/{exampleId}", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacLibraryRequests.Update, NamesIds: true),
        new("databases/{databaseId}/library/{exampleId} remove", HttpMethod.Delete, RbacAccess.OwnerOnly, 204, RbacLibraryRequests.Remove, NamesIds: true),
        new("databases/{databaseId}/glossary", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacLibraryRequests.Glossary, NamesIds: true),
        new("schedules", HttpMethod.Get, RbacAccess.SignedIn, 200, Plain("/dashboard/schedules")),
        new("schedules/{id}/runs", HttpMethod.Get, RbacAccess.SignedIn, 200, RbacScheduleRequests.Runs, NamesIds: true),
        new("schedules/{id}/pause", HttpMethod.Post, RbacAccess.SignedIn, 200, RbacScheduleRequests.Pause, NamesIds: true),
        new("schedules/{id}/resume", HttpMethod.Post, RbacAccess.SignedIn, 200, RbacScheduleRequests.Resume, NamesIds: true),
        new("schedules/{id}/run", HttpMethod.Post, RbacAccess.SignedIn, 200, RbacScheduleRequests.RunNow, NamesIds: true),
        new("schedules/{id}", HttpMethod.Delete, RbacAccess.SignedIn, 200, RbacScheduleRequests.Delete, NamesIds: true),
        new("costs/month", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/costs/month")),
        new("settings", HttpMethod.Get, RbacAccess.OwnerOnly, 200, Plain("/dashboard/settings")),
        new("settings/budget", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacSettingsRequests.Budget),
        new("settings/members/{userId}/budget", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacSettingsRequests.MemberBudget, NamesIds: true),
        new("settings/timezone", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacSettingsRequests.TimeZone),
        new("settings/models", HttpMethod.Put, RbacAccess.OwnerOnly, 200, RbacSettingsRequests.Models),
    ];

    public static RbacEndpoint Named(string name) => All.Single(endpoint => endpoint.Name == name);

    private static Func<RbacFixture, RbacCaller, Task<RbacRequest>> Plain(string path) => (_, _) => Task.FromResult(new RbacRequest(path));

    private static object LoginBody(RbacFixture f, RbacCaller caller) => caller switch
    {
        RbacCaller.Member => new { username = f.A.Member.Username, password = f.A.Member.Password },
        RbacCaller.Owner => new { username = f.A.Owner.Username, password = f.A.Owner.Password },
        RbacCaller.OtherOwner => new { username = f.B.Owner.Username, password = f.B.Owner.Password },
        // An unknown name, so these failures never count towards locking a real account.
        _ => new { username = $"nobody_{Guid.NewGuid():N}", password = "wrong-password" },
    };

    private static async Task<string> NewSqliteAsync(RbacFixture f) => $"Data Source={await SqliteFiles.CreateAsync(f.Host.SqliteFolder)}";

    private static async Task<RbacRequest> RemoveMemberOfA(RbacFixture f, RbacCaller caller)
    {
        var memberId = await f.Host.NewUserAsync("Removable");
        await f.Host.AddMemberAsync(f.A.OwnerId, memberId);
        return new RbacRequest($"/dashboard/members/remove?userId={memberId.ToString(CultureInfo.InvariantCulture)}", TargetUntouched: async () =>
        {
            var members = await f.Host.Grains.GetGrain<IOrganizationGrain>(f.A.OrgId).GetMembersAsync();
            var user = await f.Host.Grains.GetGrain<IUserGrain>(memberId).GetInfoAsync();
            return members.Any(m => m.UserId == memberId) && user?.OrgId == f.A.OrgId;
        });
    }

    private static async Task<RbacRequest> RemoveDatabaseOfA(RbacFixture f, RbacCaller caller)
    {
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        return new RbacRequest($"/dashboard/databases/remove?databaseId={Uri.EscapeDataString(database.DatabaseId)}", TargetUntouched: async () =>
            (await f.Host.Grains.GetGrain<IOrganizationGrain>(f.A.OrgId).GetDatabaseIdsAsync()).Contains(database.DatabaseId));
    }

    private static async Task<RbacRequest> RevokeInvitationOfA(RbacFixture f, RbacCaller caller)
    {
        var invitation = await f.Host.CreateInvitationAsync(f.A.OwnerId);
        return new RbacRequest($"/dashboard/invitations/revoke?code={Uri.EscapeDataString(invitation.Code)}", TargetUntouched: async () =>
        {
            var info = await f.Host.Grains.GetGrain<IInvitationGrain>(Grains.Interfaces.GrainKeys.Invitation(invitation.Code)).GetInfoAsync();
            return info?.Status == InvitationStatus.Active;
        });
    }
}
