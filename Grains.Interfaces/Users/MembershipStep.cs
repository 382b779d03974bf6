namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>Outcome of one step of a multi-grain membership change, seen from the user grain.</summary>
[GenerateSerializer, Alias("OrleansAssistant.MembershipStep")]
public enum MembershipStep
{
    Done = 0,
    NotRegistered = 1,
    /// <summary>Already a member (or owner) of another organization.</summary>
    InAnotherOrganization = 2,
    /// <summary>Already a member of this organization.</summary>
    AlreadyInThisOrganization = 3,
    /// <summary>An unfinished join or creation for another organization is pending.</summary>
    BusyWithAnotherOrganization = 4,
}
