using System.Globalization;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>How budgets read in Telegram (HTML): a refused question and the budget lines under /stats.</summary>
public static class BudgetTexts
{
    public const string SettingsTab = "the dashboard's Settings tab";

    /// <summary>When the bot cannot say more (the refusal's details are missing).</summary>
    public const string UnknownRefusal = "⛔ Not answered: a spending budget is used up, so nothing was sent to the model. Ask whoever runs this assistant to raise it.";

    /// <summary>
    /// "⛔ Not answered: Acme's monthly budget is used up ($50.12 of $50.00 this month). It resets on 1 January (in 25 days).
    /// Ask Ada, the organization's owner, to raise it."
    /// </summary>
    public static string Refusal(BudgetRefusal refusal, RefusalReader reader)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(reader);
        var installation = refusal.Scope == BudgetScope.Installation;
        var spent = $"{Texts.Dollars(refusal.SpentUsd)} of {Texts.Dollars(refusal.LimitUsd)} {(installation ? "today" : "this month")}";
        var resets = installation ? "at 00:00 UTC" : "on " + BudgetReset.Phrase(refusal.ResetsAt, refusal.TimeZone, reader.Now);
        return $"⛔ Not answered: {Which(refusal.Scope, reader.OrgName)} {(installation ? "is reached" : "is used up")} ({spent}), " +
               $"so nothing was sent to the model. It resets {resets}. {WhoRaises(refusal.Scope, reader)}";
    }

    /// <summary>"This month: $1.20 of $50.00 (2 %) · resets in 24 days", then the member's own line; HTML.</summary>
    public static string StatsLines(BudgetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var account = status.Account;
        var lines = new List<string>();
        if (account.LimitUsd is { } limit)
        {
            lines.Add($"This month: {Texts.Dollars(account.SpentUsd)} of {Texts.Dollars(limit)} ({Percent(account)}) · resets {BudgetReset.In(status.DaysToReset)}");
        }
        else if (account.Scope == BudgetScope.Personal)
        {
            lines.Add($"This month: {Texts.Dollars(account.SpentUsd)}");
        }
        else
        {
            lines.Add($"This month: {Texts.Dollars(account.SpentUsd)} · No monthly budget");
        }
        if (status.Member is { LimitUsd: { } own } member) lines.Add($"Your budget: {Texts.Dollars(member.SpentUsd)} of {Texts.Dollars(own)} ({Percent(member)})");
        return "<b>Budget</b>\n" + string.Join("\n", lines);
    }

    /// <summary>"2 %": the share of the limit spent, in whole percent rounded down (so 79.9 % never reads 80 %).</summary>
    public static string Percent(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var share = line.Share ?? 0;
        return Math.Floor(share * 100).ToString("N0", CultureInfo.InvariantCulture) + " %";
    }

    private static string Which(BudgetScope scope, string? orgName) => scope switch
    {
        BudgetScope.Organization => orgName is null ? "the organization's monthly budget" : $"{Texts.Html(orgName)}'s monthly budget",
        BudgetScope.Member => orgName is null ? "your monthly budget in the organization" : $"your monthly budget in {Texts.Html(orgName)}",
        BudgetScope.Personal => "your monthly budget (personal)",
        _ => "the installation's daily limit",
    };

    private static string WhoRaises(BudgetScope scope, RefusalReader reader) => scope switch
    {
        BudgetScope.Organization or BudgetScope.Member when reader.IsOwner => $"As its owner, you can raise it on {SettingsTab}.",
        BudgetScope.Organization or BudgetScope.Member when reader.OwnerName is { } owner => $"Ask {Texts.Html(owner)}, the organization's owner, to raise it.",
        BudgetScope.Organization or BudgetScope.Member => "Ask the organization's owner to raise it.",
        _ => "Ask the operator of this assistant to raise it.",
    };
}
