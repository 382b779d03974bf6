using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>Key file events: paths only, never key material.</summary>
internal static partial class SecretKeyFileLog
{
    [LoggerMessage(1, LogLevel.Warning, "Generated a new encryption key for stored connection strings at {Path}; back it up: without it the stored connection strings cannot be read.")]
    public static partial void KeyGenerated(this ILogger logger, string path);
}
