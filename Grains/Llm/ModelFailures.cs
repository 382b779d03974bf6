using System.ClientModel;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace OrleansAssistant.Grains.Llm;

/// <summary>Turns what the HTTP stack throws once the retries are spent into one <see cref="ModelUnavailableException"/>.</summary>
internal static class ModelFailures
{
    /// <returns>The translated failure, or null when <paramref name="error"/> is not an endpoint failure (a bug to let through).</returns>
    public static ModelUnavailableException? Translate(Exception error, ModelStage stage, string model, CancellationToken cancellationToken) =>
        Translate(error, ModelSettings.SettingOf(stage), model, cancellationToken);

    /// <param name="setting">The setting that names <paramref name="model"/>, for the message telling the operator what to change.</param>
    public static ModelUnavailableException? Translate(Exception error, string setting, string model, CancellationToken cancellationToken) => error switch
    {
        ClientResultException { Status: (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden } refused =>
            new($"Model endpoint refused the API key for {model} (HTTP {refused.Status}).", ModelUnavailableException.KeyRejectedMessage, error),
        ClientResultException refused when EndpointRejection.IsModel(refused, model) =>
            new($"Model {model} ({setting}) is not available at the endpoint (HTTP {refused.Status}); change {setting}. " +
                $"The endpoint said: {EndpointRejection.WordsOf(refused)}",
                ModelUnavailableException.ModelNotAvailable(model, setting), error),
        ClientResultException { Status: (int)HttpStatusCode.BadRequest } refused =>
            new($"Model endpoint refused the request for {model} (HTTP 400). The endpoint said: {EndpointRejection.WordsOf(refused)}",
                ModelUnavailableException.RequestRefusedMessage, error),
        ClientResultException { Status: > 0 } failed =>
            new($"Model endpoint answered HTTP {failed.Status} for {model}.", ModelUnavailableException.NotAnsweringMessage, error),
        ClientResultException or HttpRequestException =>
            new($"Model endpoint could not be reached for {model}: {Innermost(error).Message}", ModelUnavailableException.NotAnsweringMessage, error),
        TimeoutRejectedException =>
            new($"Model endpoint did not answer in time for {model}.", ModelUnavailableException.NotAnsweringMessage, error),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new($"Model endpoint did not answer in time for {model}.", ModelUnavailableException.NotAnsweringMessage, error),
        JsonException =>
            new($"Model endpoint sent something other than a chat completion for {model}.", ModelUnavailableException.NotAnsweringMessage, error),
        _ => null,
    };

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
