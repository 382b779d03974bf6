using System.Diagnostics;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>
/// The one activity source of the grains. Its name is the one every host subscribes to
/// (<c>TelemetrySetup.SourceName</c> in Hosting, which may not reference the grains).
/// </summary>
public static class AssistantDiagnostics
{
    public const string Name = "OrleansAssistant";

    public static readonly ActivitySource Source = new(Name);
}
