using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>The <c>db.system</c> value OpenTelemetry's conventions use for each provider.</summary>
public static class DatabaseSystem
{
    public static string Of(DatabaseProvider provider) => CustomerDialects.Of(provider).TelemetrySystem;
}
