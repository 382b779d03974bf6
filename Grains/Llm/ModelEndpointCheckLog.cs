using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Llm;

/// <summary>The check's log lines, one per change of state: the endpoint without credentials, model names and settings, never the key.</summary>
internal static partial class ModelEndpointCheckLog
{
    [LoggerMessage(1, LogLevel.Warning, "Model endpoint not checked: no API key is set (GEMINI_API_KEY or Model:ApiKey); questions are refused until one is set")]
    public static partial void NotConfigured(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Model endpoint {Endpoint} answers ({Method}); {Present} of {Configured} configured models offered")]
    public static partial void Reachable(ILogger logger, Uri endpoint, ModelHealthMethod method, int present, int configured);

    [LoggerMessage(3, LogLevel.Warning, "Model endpoint {Endpoint} is unreachable: {Problem}; questions will fail until it answers")]
    public static partial void Unreachable(ILogger logger, Uri endpoint, string problem);

    [LoggerMessage(4, LogLevel.Warning, "Model {Model} ({Settings}) is not offered by {Source}; questions will fail at that stage until the setting is changed.")]
    public static partial void Missing(ILogger logger, string model, string settings, string source);

    [LoggerMessage(5, LogLevel.Information, "Model {Model} ({Settings}) is offered by {Endpoint} again")]
    public static partial void OfferedAgain(ILogger logger, string model, string settings, Uri endpoint);

    [LoggerMessage(6, LogLevel.Error, "The model endpoint check failed unexpectedly; trying again next period")]
    public static partial void CheckFailed(ILogger logger, Exception error);
}
