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
    public const string UnknownModelMessage = "The assistant's model name is unknown to the model endpoint; the operator must check the model settings.";

    public string UserMessage { get; } = userMessage;
}
