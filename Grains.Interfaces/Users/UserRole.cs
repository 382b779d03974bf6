namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>What a person is to the product; decides what they may do.</summary>
[GenerateSerializer, Alias("OrleansAssistant.UserRole")]
public enum UserRole
{
    /// <summary>Registered, in no organization.</summary>
    User = 0,
    OrgMember = 1,
    OrgOwner = 2,
    /// <summary>An operator of this installation (listed in ADMIN_TELEGRAM_IDS).</summary>
    Admin = 3,
}
