using Microsoft.AspNetCore.Http;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>How the dashboard words a refused settings change: a status code and a sentence the page shows next to the field.</summary>
internal static class BudgetChangeAnswers
{
    public const string NotFound = "Your organization's settings could not be found.";
    public const string NotAMember = "That person is not a member of your organization.";
    public const string TimeZoneField = "timeZone";
    public const string TimeZoneRule = "Enter a time zone by its IANA name, such as Europe/Berlin or America/New_York.";

    /// <param name="field">The request's field an invalid amount is reported under.</param>
    public static IResult Refusal(BudgetChange change, string field) => change switch
    {
        BudgetChange.InvalidAmount => Problems.Invalid(field, BudgetAmount.Rule),
        BudgetChange.UnknownTimeZone => Problems.Invalid(TimeZoneField, TimeZoneRule),
        BudgetChange.NotAMember => Problems.NotFound(NotAMember),
        BudgetChange.NotAllowed => Problems.Forbidden("Only the organization's owner changes its budgets and models."),
        BudgetChange.UnpricedModel => Problems.Invalid(field, "A chosen model has no price, so its cost could not be counted. Choose one of the priced models."),
        _ => Problems.NotFound(NotFound),
    };

    public static IResult Unpriced(string field, string model) =>
        Problems.Invalid(field, $"The model “{model}” has no price, so its cost could not be counted. Choose one of the priced models.");
}
