namespace OrleansAssistant.Authorization;

/// <summary>The sentences a refusal can carry, so gateways and tests can recognise them.</summary>
public static class Refusals
{
    public const string NotRegistered = "Send /start first.";
    public const string MembershipInFlux = "Your account is being updated; try again in a moment.";
    public const string AlreadyInOrganization = "You already belong to an organization.";
    public const string NotInOrganization = "Create or join an organization first.";
    public const string NoOrganizationToOwn = "Create an organization first.";
    public const string OwnerOnly = "Only the organization's owner can do this.";
    public const string MembersCannotAddDatabases = "Members cannot add databases; ask your organization's owner.";
    public const string AdministratorsOnly = "Only the operators of this installation can do this.";
    public const string AnotherOrganization = "This belongs to another organization.";
    public const string SomeoneElses = "This belongs to someone else.";
    public const string NoDatabaseChosen = "Choose a database with /selectdb first.";
    public const string NoDatabaseAccess = "You don't have access to this database.";
}
