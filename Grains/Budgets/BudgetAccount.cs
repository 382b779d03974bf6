using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>Whose spending a budget grain holds, read from its key: an organization, a personal account, or (both null) the installation.</summary>
public sealed record BudgetAccount(string? OrgId, long? UserId)
{
    public static readonly BudgetAccount Installation = new(null, null);

    public bool IsOrganization => OrgId is not null;

    /// <exception cref="ArgumentException">The key is not one of <see cref="BudgetKeys"/>.</exception>
    public static BudgetAccount FromKey(string key)
    {
        var organization = BudgetKeys.Organization("");
        if (key.StartsWith(organization, StringComparison.Ordinal) && key.Length > organization.Length) return new(key[organization.Length..], null);
        var personal = BudgetKeys.Personal(0)[..^1];
        if (key.StartsWith(personal, StringComparison.Ordinal)
            && long.TryParse(key[personal.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            return new(null, userId);
        }
        throw new ArgumentException($"'{key}' is not a budget key.", nameof(key));
    }
}
