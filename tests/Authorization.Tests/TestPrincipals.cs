using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization.Tests;

/// <summary>The six kinds of caller every table row answers for, by the name the tables use.</summary>
internal static class TestPrincipals
{
    public const string OwnOrg = "ORG_20250101_aaaaaa";
    public const string OtherOrg = "ORG_20250101_zzzzzz";
    public const long Stranger = 999;

    public const string Unregistered = "unregistered";
    public const string User = "user";
    public const string Member = "member";
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string AdminOwner = "admin-owner";

    /// <summary>In the column order of the tables.</summary>
    public static IReadOnlyList<string> Names { get; } = [Unregistered, User, Member, Owner, Admin, AdminOwner];

    public static Principal? Get(string name) => name switch
    {
        Unregistered => null,
        User => new Principal(1, UserRole.User, null, IsAdmin: false),
        Member => new Principal(2, UserRole.OrgMember, OwnOrg, IsAdmin: false),
        Owner => new Principal(3, UserRole.OrgOwner, OwnOrg, IsAdmin: false),
        Admin => new Principal(4, UserRole.User, null, IsAdmin: true),
        AdminOwner => new Principal(5, UserRole.OrgOwner, OwnOrg, IsAdmin: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test principal."),
    };
}
