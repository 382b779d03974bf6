using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansAssistant.Hosting;

/// <summary>OpenTelemetry tracing and metrics for every process of the system, exporter chosen by configuration.</summary>
public static class TelemetrySetup
{
    /// <summary>The activity source and meter our own code records to.</summary>
    public const string SourceName = "OrleansAssistant";

    public static IHostApplicationBuilder AddAssistantTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var settings = TelemetrySettings.Read(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName)
                .AddMeter("Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        switch (settings.Exporter)
        {
            case TelemetryExporter.Console:
                telemetry.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
                break;
            case TelemetryExporter.Otlp:
                telemetry.WithTracing(t => t.AddOtlpExporter(o => ApplyEndpoint(o, settings)))
                    .WithMetrics(m => m.AddOtlpExporter(o => ApplyEndpoint(o, settings)));
                break;
        }
        return builder;
    }

    private static void ApplyEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, TelemetrySettings settings)
    {
        if (settings.OtlpEndpoint is not null) options.Endpoint = settings.OtlpEndpoint;
    }
}
