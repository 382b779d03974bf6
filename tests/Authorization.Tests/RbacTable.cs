namespace OrleansAssistant.Authorization.Tests;

/// <summary>The expected answer of every action for every kind of caller, with no resource given.</summary>
internal static class RbacTable
{
    private const bool Y = true;
    private const bool N = false;

    /// <summary>Columns follow <see cref="TestPrincipals.Names"/>: unregistered, user, member, owner, admin, admin who owns an org.</summary>
    public static IReadOnlyDictionary<AssistantAction, bool[]> Rows { get; } = new Dictionary<AssistantAction, bool[]>
    {
        //                                          unreg user member owner admin admin-owner
        [AssistantAction.DashboardLogin] =          [Y,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.ViewOverview] =            [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.ListMembers] =             [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.ListDatabases] =           [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.ViewOwnUsage] =            [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.AddMember] =               [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.RemoveMember] =            [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ExportMembers] =           [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.TestDatabase] =            [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.CreateOrgDatabase] =       [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.RemoveOrgDatabase] =       [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ListInvitations] =         [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.CreateInvitation] =        [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.RevokeInvitation] =        [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ViewCosts] =               [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ViewActivity] =            [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ReviewQuestions] =         [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.ManageBudgets] =           [N,    N,   N,     Y,    N,    Y],

        [AssistantAction.Start] =                   [Y,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.Help] =                    [Y,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.CreateOrganization] =      [N,    Y,   N,     N,    Y,    N],
        [AssistantAction.OrganizationMenu] =        [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.OrganizationInfo] =        [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.Invite] =                  [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.Join] =                    [N,    Y,   N,     N,    Y,    N],
        [AssistantAction.LeaveOrganization] =       [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.AddPersonalDatabase] =     [N,    Y,   N,     N,    Y,    N],
        [AssistantAction.AddOrgDatabase] =          [N,    N,   N,     Y,    N,    Y],
        [AssistantAction.SelectDatabase] =          [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.MyInfo] =                  [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.ClearHistory] =            [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.History] =                 [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.Stats] =                   [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.AskQuestion] =             [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.ResetDashboardPassword] =  [N,    N,   Y,     Y,    N,    Y],
        [AssistantAction.SetTimeZone] =             [N,    Y,   Y,     Y,    Y,    Y],
        [AssistantAction.ManageSchedules] =         [N,    Y,   Y,     Y,    Y,    Y],

        // Without a database to name, nobody may use one; the scoped cases are tested on their own.
        [AssistantAction.UseDatabase] =             [N,    N,   N,     N,    N,    N],
        [AssistantAction.CurateVerifiedQueries] =   [N,    N,   N,     N,    N,    N],
        [AssistantAction.ViewClusterDashboard] =    [N,    N,   N,     N,    Y,    Y],
    };

    /// <summary>Every cell as (principal name, action, allowed).</summary>
    public static IEnumerable<(string Principal, AssistantAction Action, bool Allowed)> Cells() =>
        from row in Rows
        from column in Enumerable.Range(0, TestPrincipals.Names.Count)
        select (TestPrincipals.Names[column], row.Key, row.Value[column]);
}
