namespace OrleansAssistant.Authorization;

/// <summary>The role half of the policy: one line per action.</summary>
internal static class ActionAudiences
{
    public static Audience Of(AssistantAction action) => action switch
    {
        AssistantAction.DashboardLogin => Audience.Anyone,
        AssistantAction.ViewOverview => Audience.Organization,
        AssistantAction.ListMembers => Audience.Organization,
        AssistantAction.ListDatabases => Audience.Organization,
        AssistantAction.ViewOwnUsage => Audience.Organization,
        AssistantAction.AddMember => Audience.OrganizationOwner,
        AssistantAction.RemoveMember => Audience.OrganizationOwner,
        AssistantAction.ExportMembers => Audience.OrganizationOwner,
        AssistantAction.TestDatabase => Audience.OrganizationOwner,
        AssistantAction.CreateOrgDatabase => Audience.OrganizationOwner,
        AssistantAction.RemoveOrgDatabase => Audience.OrganizationOwner,
        AssistantAction.ListInvitations => Audience.OrganizationOwner,
        AssistantAction.CreateInvitation => Audience.OrganizationOwner,
        AssistantAction.RevokeInvitation => Audience.OrganizationOwner,
        AssistantAction.ViewCosts => Audience.OrganizationOwner,
        AssistantAction.ViewActivity => Audience.OrganizationOwner,
        AssistantAction.ReviewQuestions => Audience.OrganizationOwner,
        AssistantAction.ManageBudgets => Audience.OrganizationOwner,

        AssistantAction.Start => Audience.Anyone,
        AssistantAction.Help => Audience.Anyone,
        AssistantAction.CreateOrganization => Audience.Standalone,
        AssistantAction.OrganizationMenu => Audience.OrganizationOwner,
        AssistantAction.OrganizationInfo => Audience.Organization,
        AssistantAction.Invite => Audience.OrganizationOwner,
        AssistantAction.Join => Audience.Standalone,
        AssistantAction.LeaveOrganization => Audience.Organization,
        AssistantAction.AddPersonalDatabase => Audience.Standalone,
        AssistantAction.AddOrgDatabase => Audience.OrganizationOwner,
        AssistantAction.SelectDatabase => Audience.Registered,
        AssistantAction.MyInfo => Audience.Registered,
        AssistantAction.ClearHistory => Audience.Registered,
        AssistantAction.History => Audience.Registered,
        AssistantAction.Stats => Audience.Registered,
        AssistantAction.AskQuestion => Audience.Registered,
        AssistantAction.ResetDashboardPassword => Audience.Organization,
        AssistantAction.SetTimeZone => Audience.Registered,
        AssistantAction.ManageSchedules => Audience.Registered,

        AssistantAction.UseDatabase => Audience.Registered,
        // Who curates depends on whose database it is: the scope rule decides.
        AssistantAction.CurateVerifiedQueries => Audience.Registered,
        AssistantAction.ViewClusterDashboard => Audience.Administrators,

        // An action without a line is a bug; failing loudly beats guessing an answer.
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "The action has no audience."),
    };
}
