namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>What a schedule does on each run.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ScheduleKind")]
public enum ScheduleKind
{
    /// <summary>Runs the answer's SQL and sends the result every time.</summary>
    Report,
    /// <summary>Runs SQL whose result is one number and speaks only when it crosses its rule, and once when it returns.</summary>
    Alert,
}
