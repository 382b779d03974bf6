using OrleansAssistant.Gateway.Bot.Replies;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>The words of /leave.</summary>
internal static class LeaveTexts
{
    public static string Confirm(string orgName) =>
        $"Leave {Texts.Bold(orgName)}? Your access to its databases and your dashboard login end at once, and the owner is told. "
        + "Your personal databases, history and schedules stay yours.";

    public static string Left(string? orgName) =>
        $"You left {Texts.Bold(orgName ?? "the organization")}. Your personal databases are yours to use again: /selectdb.";
}
