using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.Silo.Health;

/// <summary>
/// The <c>model-endpoint</c> entry of <c>/healthz</c>: the latest periodic check (never a call of its own).
/// Degraded at worst: commands, the dashboard and stored answers work without a model, so a missing model
/// or an unreachable endpoint must not take the silo out of a load balancer.
/// </summary>
internal sealed class ModelEndpointHealthCheck(ModelHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = health.Latest;
        var data = Data(report);
        var result = report.State switch
        {
            ModelHealthState.NotChecked => HealthCheckResult.Healthy("not checked yet", data),
            ModelHealthState.NotConfigured => HealthCheckResult.Degraded("not configured: no API key (GEMINI_API_KEY or Model:ApiKey)", data: data),
            ModelHealthState.Unreachable => HealthCheckResult.Degraded($"{report.Endpoint} unreachable: {report.Problem}", data: data),
            _ when report.AllPresent => HealthCheckResult.Healthy($"{report.Endpoint} offers every configured model", data),
            _ => HealthCheckResult.Degraded($"{report.Endpoint} answers; {NotPresent(report)}", data: data),
        };
        return Task.FromResult(result);
    }

    private static string NotPresent(ModelHealthReport report) => string.Join("; ", report.Models
        .Where(entry => entry.Presence != ModelHealthPresence.Present)
        .Select(entry => $"{entry.Model} ({entry.Setting}) {Word(entry.Presence)}"));

    private static Dictionary<string, object> Data(ModelHealthReport report)
    {
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = report.Endpoint.ToString(),
            ["reachable"] = report.State == ModelHealthState.Reachable,
            ["state"] = Word(report.State),
            ["models"] = report.Models.ToDictionary(entry => entry.Setting, entry => new { model = entry.Model, presence = Word(entry.Presence) }),
        };
        if (report.CheckedAt is { } checkedAt) data["checkedAt"] = checkedAt;
        if (report.Method != ModelHealthMethod.None) data["method"] = Word(report.Method);
        if (report.Problem is { } problem) data["problem"] = problem;
        return data;
    }

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
