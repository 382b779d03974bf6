namespace OrleansAssistant.Hosting;

/// <summary>A configuration value that stops start-up; the message is one line naming the setting.</summary>
public sealed class InvalidSettingException(string setting, string problem)
    : Exception($"Configuration error: {setting} {problem}")
{
    public string Setting { get; } = setting;
}
