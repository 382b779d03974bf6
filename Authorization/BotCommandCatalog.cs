using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization;

/// <summary>Every bot command, in the order /help lists them.</summary>
public static class BotCommandCatalog
{
    /// <summary>All commands, whoever asks.</summary>
    public static IReadOnlyList<AssistantCommand> All { get; } =
    [
        new("start", "Register and get started", "/start", [AssistantAction.Start]),
        new("help", "Show the commands you can use", "/help", [AssistantAction.Help]),
        new("createorg", "Create an organization and become its owner", "/createorg <name>", [AssistantAction.CreateOrganization]),
        new("org", "Manage your organization", "/org", [AssistantAction.OrganizationMenu]),
        new("orginfo", "Show your organization", "/orginfo", [AssistantAction.OrganizationInfo]),
        new("invite", "Create an invitation code for new members", "/invite <uses> <days>", [AssistantAction.Invite]),
        new("join", "Join an organization with an invitation code", "/join <code>", [AssistantAction.Join]),
        new("leave", "Leave your organization", "/leave", [AssistantAction.LeaveOrganization]),
        // A standalone user's database is personal; an owner's belongs to the organization.
        new("adddb", "Add a database to ask questions about", "/adddb <name> <connection string>",
            [AssistantAction.AddPersonalDatabase, AssistantAction.AddOrgDatabase]),
        new("selectdb", "Choose the database your questions go to", "/selectdb", [AssistantAction.SelectDatabase]),
        new("myinfo", "Show your profile and active database", "/myinfo", [AssistantAction.MyInfo]),
        new("timezone", "Show or set the time zone your schedules run in", "/timezone <IANA name>", [AssistantAction.SetTimeZone]),
        new("schedules", "Show, pause or delete your schedules and alerts", "/schedules", [AssistantAction.ManageSchedules]),
        new("clear", "Forget the conversation so far", "/clear", [AssistantAction.ClearHistory]),
        new("history", "Show your recent questions", "/history", [AssistantAction.History]),
        new("stats", "Show your usage and costs", "/stats", [AssistantAction.Stats]),
        new("resetpassword", "Get a new dashboard password", "/resetpassword", [AssistantAction.ResetDashboardPassword]),
    ];

    /// <summary>The commands this person may run (for /help and the command menu); null is someone unregistered.</summary>
    public static IReadOnlyList<AssistantCommand> AvailableTo(Principal? principal) =>
        [.. All.Where(command => command.CheckFor(principal).Allowed)];

    /// <summary>
    /// The commands every person may run, whatever their standing (not registered yet, alone, member or owner):
    /// the menu for chats whose own menu has not been set.
    /// </summary>
    public static IReadOnlyList<AssistantCommand> ForEveryone { get; } =
        [.. All.Where(command => EveryStanding.All(principal => command.CheckFor(principal).Allowed))];

    /// <summary>One person of each standing; <see cref="ForEveryone"/> keeps what all of them may run.</summary>
    private static IReadOnlyList<Principal?> EveryStanding =>
    [
        null,
        new Principal(0, UserRole.User, null, IsAdmin: false),
        new Principal(0, UserRole.OrgMember, "ORG_any", IsAdmin: false),
        new Principal(0, UserRole.OrgOwner, "ORG_any", IsAdmin: false),
    ];

    /// <summary>Finds a command by what was typed: "invite", "/invite" or, in groups, "/invite@SomeBot".</summary>
    public static AssistantCommand? Find(string typed)
    {
        var name = typed.TrimStart('/');
        var mention = name.IndexOf('@', StringComparison.Ordinal);
        if (mention >= 0)
        {
            name = name[..mention];
        }

        return All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
