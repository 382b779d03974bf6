namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>Which limit a figure belongs to, or which one stopped a question.</summary>
[GenerateSerializer, Alias("OrleansAssistant.BudgetScope")]
public enum BudgetScope
{
    /// <summary>The organization's monthly budget, set by its owner.</summary>
    Organization,
    /// <summary>One member's monthly budget inside the organization, set by the owner.</summary>
    Member,
    /// <summary>A person in no organization: the operator's default monthly budget (<c>Budgets:PersonalMonthlyUsd</c>).</summary>
    Personal,
    /// <summary>The installation's daily cap (<c>Budgets:InstallationDailyUsd</c>), set by the operator.</summary>
    Installation,
}
