using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// Dashboard login names: <c>{owner|member}_{org slug}_{telegram user id}_{random}</c>, e.g. <c>owner_acmecafeco_42_k3j9x2p7</c>.
/// The random part (41 bits) makes every enrolment's name its own, so two organizations with the same slug, or a
/// person who leaves and comes back, never meet an account left behind, and nobody can guess a name to lock it.
/// </summary>
public static class DashboardUsername
{
    public const int MaxSlugLength = 20;

    public const int RandomLength = 8;

    private const string FallbackSlug = "org";
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh name for one person's enrolment in one organization.</summary>
    /// <exception cref="ArgumentException">The role is neither organization owner nor member.</exception>
    public static string New(UserRole role, string orgName, long userId)
    {
        ArgumentNullException.ThrowIfNull(orgName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        var random = RandomNumberGenerator.GetString(RandomAlphabet, RandomLength);
        return string.Create(CultureInfo.InvariantCulture, $"{RoleWord(role)}_{Slug(orgName)}_{userId}_{random}");
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
