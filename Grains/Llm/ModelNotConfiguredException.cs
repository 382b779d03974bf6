namespace OrleansAssistant.Grains.Llm;

/// <summary>No API key is set, so no model can be called. The message is fit to show a user.</summary>
public sealed class ModelNotConfiguredException()
    : Exception("The assistant's model is not configured; the operator must set GEMINI_API_KEY.")
{
    public string UserMessage => Message;
}
