namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>When an alert's number counts as crossed.</summary>
[GenerateSerializer, Alias("OrleansAssistant.AlertCondition")]
public enum AlertCondition
{
    /// <summary>The number is greater than the threshold.</summary>
    Above,
    /// <summary>The number is less than the threshold.</summary>
    Below,
    /// <summary>The number is anything but the threshold (the value it had when the alert was made, unless changed).</summary>
    ChangesFrom,
}
