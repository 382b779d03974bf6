using System.Globalization;
using System.Text;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>Dashboard login names: <c>{owner|member}_{org slug}_{telegram user id}</c>, e.g. <c>owner_acmecafeco_42</c>.</summary>
public static class DashboardUsername
{
    public const int MaxSlugLength = 20;

    private const string FallbackSlug = "org";

    /// <exception cref="ArgumentException">The role is neither organization owner nor member.</exception>
    public static string For(UserRole role, string orgName, long userId)
    {
        ArgumentNullException.ThrowIfNull(orgName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        return string.Create(CultureInfo.InvariantCulture, $"{RoleWord(role)}_{Slug(orgName)}_{userId}");
    }

    private static string RoleWord(UserRole role) => role switch
    {
        UserRole.OrgOwner => "owner",
        UserRole.OrgMember => "member",
        _ => throw new ArgumentException($"Only organization owners and members have dashboard accounts, not {role}.", nameof(role)),
    };

    // Lowercase ASCII letters and digits only, so the name is easy to type on any keyboard;
    // accented Latin letters keep their base letter, everything else is dropped.
    private static string Slug(string orgName)
    {
        var slug = new StringBuilder(MaxSlugLength + 2);
        foreach (var character in orgName)
        {
            if (slug.Length >= MaxSlugLength) break;
            var lower = char.ToLowerInvariant(character);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower)) slug.Append(lower);
            else slug.Append(LatinLetters.ToAscii(lower));
        }
        if (slug.Length > MaxSlugLength) slug.Length = MaxSlugLength;
        return slug.Length == 0 ? FallbackSlug : slug.ToString();
    }
}
