using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace OrleansAssistant.Hosting;

/// <summary>
/// Log levels every process starts from, as the lowest-priority configuration source so appsettings
/// and environment variables still override them. Orleans and Polly are chatty at Information.
/// </summary>
public static class LoggingDefaults
{
    public static void Apply(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                // "Orleans" would also match "OrleansAssistant" (prefix match), hence the explicit line.
                ["Logging:LogLevel:Orleans"] = "Warning",
                ["Logging:LogLevel:Orleans.Hosting.SiloHostedService"] = "Information",
                // At silo start the watchdog reports the machine's uptime as a stalled check.
                ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
                ["Logging:LogLevel:OrleansAssistant"] = "Information",
                ["Logging:LogLevel:Polly"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        });
}
