using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>How budget notices read in a private chat (HTML): the 80 % warning and a chosen model that lost its price.</summary>
public static class BudgetNoticeTexts
{
    /// <param name="memberName">For a member budget told to the owner: the member's name.</param>
    public static string For(BudgetNotice notice, string? memberName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind == BudgetNoticeKind.ModelFallback ? ModelFallback(notice) : NearLimit(notice, memberName, now);
    }

    /// <summary>
    /// "⚠️ Acme's AI budget is 80 % used: $40.10 of $50.00 this month; it resets on 1 January (in 25 days). Raise it on the
    /// dashboard's Settings tab."
    /// </summary>
    private static string NearLimit(BudgetNotice notice, string? memberName, DateTimeOffset now)
    {
        var org = Texts.Html(notice.OrgName ?? "your organization");
        var toMember = notice.MemberUserId is { } member && member == notice.UserId;
        var (whose, raise) = notice.Scope switch
        {
            BudgetScope.Member when toMember => ($"Your AI budget in {org}", "The organization's owner can raise it."),
            BudgetScope.Member => ($"{Texts.Html(memberName ?? "A member")}'s AI budget in {org}", $"Raise it on {BudgetTexts.SettingsTab}."),
            BudgetScope.Personal => ("Your AI budget", "The operator of this assistant can raise it."),
            _ => ($"{org}'s AI budget", $"Raise it on {BudgetTexts.SettingsTab}."),
        };
        var line = new BudgetLine(notice.Scope, notice.LimitUsd, notice.SpentUsd);
        return $"⚠️ {whose} is {BudgetTexts.Percent(line)} used: {Texts.Dollars(notice.SpentUsd)} of {Texts.Dollars(notice.LimitUsd)} this month; " +
               $"it resets on {BudgetReset.Phrase(notice.ResetsAt, null, now)}. {raise}";
    }

    /// <summary>"⚠️ The model chosen for stage 2 (the answer) in Acme, x, has no price any more, so questions use the installation's default y …"</summary>
    private static string ModelFallback(BudgetNotice notice)
    {
        var org = notice.OrgName is { } name ? " in " + Texts.Html(name) : "";
        return $"⚠️ The model chosen for {StageName(notice.Stage)}{org}, {Texts.Code(notice.ChosenModel ?? "?")}, has no price any more, so its cost " +
               $"could not be counted. Questions use the installation's default {Texts.Code(notice.FallbackModel ?? "?")} until a priced model is " +
               $"chosen on {BudgetTexts.SettingsTab}.";
    }

    private static string StageName(string? stage) => stage switch
    {
        "Summary" => "stage 1 (summary and SQL)",
        "Answer" => "stage 2 (the answer)",
        "Email" => "stage 3 (e-mails)",
        null or "" => "a stage",
        _ => Texts.Html(stage),
    };
}
