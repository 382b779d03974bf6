using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>Presses in the schedule dialog and under the schedules /schedules lists; the grains check who may do what.</summary>
internal sealed class SchedulePresses(ScheduleDialog dialog, ScheduleCommands commands)
{
    public static bool IsScheduleButton(string data) => FlowButtons.IsFlowButton(data) || ManageButtons.IsManageButton(data);

    public Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken) =>
        FlowButtons.IsFlowButton(data) ? dialog.PressAsync(query, data, cancellationToken) : commands.PressAsync(query, data, cancellationToken);
}
