namespace OrleansAssistant.Authorization;

/// <summary>Everything a person can ask the product to do, from the dashboard or the bot.</summary>
public enum AssistantAction
{
    // Dashboard.
    /// <summary>Opening the login page and signing in; the credentials decide the rest.</summary>
    DashboardLogin,
    ViewOverview,
    ListMembers,
    ListDatabases,
    /// <summary>The caller's own usage and spend; the whole organization's costs are <see cref="ViewCosts"/>.</summary>
    ViewOwnUsage,
    AddMember,
    RemoveMember,
    ExportMembers,
    TestDatabase,
    CreateOrgDatabase,
    RemoveOrgDatabase,
    ListInvitations,
    CreateInvitation,
    RevokeInvitation,
    /// <summary>Every cost view of the organization: totals, per member, per model, per stage.</summary>
    ViewCosts,
    ViewActivity,
    /// <summary>The organization's recent questions with their SQL, outcome, feedback and cost (the "Questions" tab).</summary>
    ReviewQuestions,
    /// <summary>The "Settings" tab: the organization's monthly budget, its zone, members' budgets and the model of each stage.</summary>
    ManageBudgets,

    // Bot commands.
    Start,
    Help,
    /// <summary>/createorg. The resource, if given, is not checked: the new organization is not yet the caller's.</summary>
    CreateOrganization,
    /// <summary>/org</summary>
    OrganizationMenu,
    /// <summary>/orginfo</summary>
    OrganizationInfo,
    /// <summary>/invite</summary>
    Invite,
    /// <summary>/join and /start join_&lt;code&gt;. The resource, if given, is not checked: the organization being joined is not yet the caller's.</summary>
    Join,
    /// <summary>/leave: a member leaves their organization (the owner is refused by the membership grain, with a reason).</summary>
    LeaveOrganization,
    /// <summary>/adddb by a standalone user: the database is theirs.</summary>
    AddPersonalDatabase,
    /// <summary>/adddb by an owner: the database belongs to the organization.</summary>
    AddOrgDatabase,
    SelectDatabase,
    MyInfo,
    ClearHistory,
    History,
    Stats,
    AskQuestion,
    /// <summary>/resetpassword: only people with a dashboard account, i.e. owners and members.</summary>
    ResetDashboardPassword,
    /// <summary>/timezone: the person's own time zone, which their schedules run in.</summary>
    SetTimeZone,
    /// <summary>/schedules: the person's own schedules and alerts, and making them from answers.</summary>
    ManageSchedules,

    /// <summary>Asking questions against, or selecting, one database; always needs that database as the resource.</summary>
    UseDatabase,

    /// <summary>
    /// Verifying, editing and removing a database's question→SQL examples and its glossary, from either gateway. Always
    /// needs the database as the resource: an organization's database is its owner's to curate, a personal one its
    /// owner's, the shared demo database (<see cref="ResourceScope.None"/>) the administrators'.
    /// </summary>
    CurateVerifiedQueries,

    /// <summary>The Orleans operations dashboard of this installation.</summary>
    ViewClusterDashboard,
}
