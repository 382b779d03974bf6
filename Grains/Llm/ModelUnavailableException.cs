namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// The model endpoint failed after its retries, or refused our key. <see cref="Exception.Message"/> is for logs
/// (status, model); <see cref="UserMessage"/> is one sentence fit to show a user. Neither holds a secret.
/// </summary>
public sealed class ModelUnavailableException(string message, string userMessage, Exception? innerException = null)
    : Exception(message, innerException)
{
    public const string NotAnsweringMessage = "The assistant's model is not answering right now; please try again in a minute.";
    public const string KeyRejectedMessage = "The assistant's model rejected our key; the operator must check GEMINI_API_KEY.";
    public const string RequestRefusedMessage = "The assistant's model endpoint refused the request; the operator must check the model settings.";

    /// <summary>The configured model is not served: the assistant is misconfigured, and this names what the operator must change.</summary>
    public static string ModelNotAvailable(string model, string setting) =>
        $"The assistant is misconfigured: its model {model} is not available, so the operator must change {setting}.";

    public string UserMessage { get; } = userMessage;
}
