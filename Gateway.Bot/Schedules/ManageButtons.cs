using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>What a button under a schedule in /schedules asks for.</summary>
internal enum ManageAction
{
    Pause,
    Resume,
    RunNow,
    Delete,
    ConfirmDelete,
    KeepIt,
}

/// <summary>The buttons under each schedule /schedules lists: "schedules:&lt;action&gt;:&lt;schedule id&gt;" (at most 56 bytes).</summary>
internal static class ManageButtons
{
    public const string Prefix = "schedules:";

    private static readonly (ManageAction Action, string Code, string Label)[] Catalogue =
    [
        (ManageAction.Pause, "pause", "⏸ Pause"),
        (ManageAction.Resume, "resume", "▶ Resume"),
        (ManageAction.RunNow, "run", "▶ Run now"),
        (ManageAction.Delete, "delete", "🗑 Delete"),
        (ManageAction.ConfirmDelete, "sure", "🗑 Yes, delete it"),
        (ManageAction.KeepIt, "keep", "Keep it"),
    ];

    public static bool IsManageButton(string data) => data.StartsWith(Prefix, StringComparison.Ordinal);

    public static InlineKeyboardMarkup For(string scheduleId, bool paused) => new(
    [
        [Button(paused ? ManageAction.Resume : ManageAction.Pause, scheduleId), Button(ManageAction.RunNow, scheduleId), Button(ManageAction.Delete, scheduleId)],
    ]);

    public static InlineKeyboardMarkup ConfirmDelete(string scheduleId) =>
        new([[Button(ManageAction.ConfirmDelete, scheduleId), Button(ManageAction.KeepIt, scheduleId)]]);

    /// <returns>Null for data that is not a well-formed button of /schedules (an old or forged press).</returns>
    public static (ManageAction Action, string ScheduleId)? TryRead(string data)
    {
        if (!IsManageButton(data)) return null;
        var rest = data[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Grains.Interfaces.Schedules.ScheduleKeys.IsScheduleId(rest[(colon + 1)..])) return null;
        var code = rest[..colon];
        var entry = Catalogue.FirstOrDefault(candidate => candidate.Code == code);
        return entry.Label is null ? null : (entry.Action, rest[(colon + 1)..]);
    }

    private static InlineKeyboardButton Button(ManageAction action, string scheduleId)
    {
        var entry = Catalogue.Single(candidate => candidate.Action == action);
        return InlineKeyboardButton.WithCallbackData(entry.Label, $"{Prefix}{entry.Code}:{scheduleId}");
    }
}
