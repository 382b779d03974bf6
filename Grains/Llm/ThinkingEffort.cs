namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// How much a model may think before it answers (<c>Model:Stages:&lt;stage&gt;:ReasoningEffort</c>), sent as
/// OpenAI's <c>reasoning_effort</c>. Thinking tokens are billed as output, so the pipeline's stages ask for little.
/// </summary>
public enum ThinkingEffort
{
    /// <summary>Send nothing: the endpoint's own default.</summary>
    Default,

    /// <summary>No thinking, where the model allows it.</summary>
    None,

    Minimal,
    Low,
    Medium,
    High,
}
