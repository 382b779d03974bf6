using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>The buttons of an owner's invitation ([Join …] [Decline]) and of /leave's confirmation.</summary>
internal static class MembershipButtons
{
    public const string JoinPrefix = "mj:";
    public const string DeclinePrefix = "md:";
    public const string LeaveConfirm = "ml:yes";
    public const string LeaveCancel = "ml:no";

    public static bool IsMembershipButton(string data) =>
        data.StartsWith(JoinPrefix, StringComparison.Ordinal) || data.StartsWith(DeclinePrefix, StringComparison.Ordinal)
        || data is LeaveConfirm or LeaveCancel;

    public static InlineKeyboardMarkup Invitation(string orgName, string code) => new([
    [
        InlineKeyboardButton.WithCallbackData(Label("Join " + orgName), JoinPrefix + code),
        InlineKeyboardButton.WithCallbackData("Decline", DeclinePrefix + code),
    ]]);

    public static InlineKeyboardMarkup Leave(string orgName) => new([
    [
        InlineKeyboardButton.WithCallbackData(Label("Leave " + orgName), LeaveConfirm),
        InlineKeyboardButton.WithCallbackData("Stay", LeaveCancel),
    ]]);

    // A button label is shown on one line; a long organization name is cut rather than wrapped.
    private static string Label(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
