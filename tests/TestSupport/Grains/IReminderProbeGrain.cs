namespace OrleansAssistant.TestSupport.Grains;

/// <summary>A grain that registers reminders and reports which ones Orleans knows, to prove reminder storage.</summary>
[Alias("OrleansAssistant.TestSupport.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);

    [Alias("IsRegistered")]
    Task<bool> IsRegistered(string reminderName);
}
