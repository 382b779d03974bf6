using Microsoft.Extensions.Configuration;

namespace OrleansAssistant.Hosting;

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}

/// <summary>Where traces and metrics go (section <c>Telemetry</c>); nothing is exported by default.</summary>
public sealed record TelemetrySettings
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; init; } = TelemetryExporter.None;
    /// <summary>OTLP collector address, e.g. http://localhost:4317; the exporter's default when unset.</summary>
    public Uri? OtlpEndpoint { get; init; }

    public static TelemetrySettings Read(IConfiguration configuration)
    {
        var endpointKey = $"{Section}:OtlpEndpoint";
        var endpoint = SettingReader.OptionalText(configuration, endpointKey);
        Uri? uri = null;
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out uri))
        {
            throw new InvalidSettingException(endpointKey, $"must be an absolute URL (got '{endpoint}').");
        }
        return new TelemetrySettings
        {
            Exporter = SettingReader.Enum(configuration, $"{Section}:Exporter", TelemetryExporter.None),
            OtlpEndpoint = uri,
        };
    }
}
