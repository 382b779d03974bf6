namespace OrleansAssistant.TestSupport.Grains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<bool> IsRegistered(string reminderName) => await this.GetReminder(reminderName) is not null;

    // The tests only look at registrations; a tick has nothing to do.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
