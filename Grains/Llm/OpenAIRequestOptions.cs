using OpenAI.Chat;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// The parts of a request that go to the OpenAI client as they are, past Microsoft.Extensions.AI's own options:
/// its reasoning option cannot say "minimal" or "none" (Gemini takes both), and its JSON-schema format adds
/// <c>additionalProperties: false</c>, which Gemini refuses.
/// </summary>
internal static class OpenAIRequestOptions
{
    /// <returns>The options, or null when neither part is wanted.</returns>
    public static ChatCompletionOptions? For(ThinkingEffort? thinking, NamedSchema? schema)
    {
        if (thinking is null && schema is null) return null;
        var options = new ChatCompletionOptions();
        if (schema is { } named)
        {
            options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(named.Name, BinaryData.FromString(named.Schema.GetRawText()));
        }
        if (thinking is { } effort) SetReasoningEffort(options, effort);
        return options;
    }

    // The OpenAI SDK marks its reasoning types as evaluation-only; the wire field itself is a published part of the API.
#pragma warning disable OPENAI001
    private static void SetReasoningEffort(ChatCompletionOptions options, ThinkingEffort effort) =>
        options.ReasoningEffortLevel = new ChatReasoningEffortLevel(effort.ToString().ToLowerInvariant());
#pragma warning restore OPENAI001
}
