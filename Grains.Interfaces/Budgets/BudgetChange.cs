namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>How a change to an organization's budget settings went; the gateways word it.</summary>
[GenerateSerializer, Alias("OrleansAssistant.BudgetChange")]
public enum BudgetChange
{
    Changed,
    /// <summary>Only the organization's owner (or an administrator) changes its settings.</summary>
    NotAllowed,
    /// <summary>No such organization, or the caller is not in it.</summary>
    NotFound,
    /// <summary>Not above 0, or above <c>BudgetLimits.MaxUsd</c>.</summary>
    InvalidAmount,
    /// <summary>The member budget names someone who is not a member.</summary>
    NotAMember,
    UnknownTimeZone,
    /// <summary>A chosen model has no price in force, so its cost could not be counted.</summary>
    UnpricedModel,
}

/// <summary>The bounds every budget amount is checked against, the same in the grain and the gateways.</summary>
public static class BudgetLimits
{
    /// <summary>No budget is above this many US dollars: a larger figure is a typo, not a budget.</summary>
    public const decimal MaxUsd = 1_000_000m;

    public static bool IsValid(decimal usd) => usd > 0 && usd <= MaxUsd;
}
