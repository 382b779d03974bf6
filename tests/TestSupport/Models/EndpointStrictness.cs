namespace OrleansAssistant.TestSupport.Models;

/// <summary>Which parts of a request the fake endpoint refuses, as real OpenAI-compatible servers do.</summary>
[Flags]
public enum EndpointStrictness
{
    /// <summary>Accepts whatever it is sent.</summary>
    None = 0,

    /// <summary>Like Gemini: 400 for <c>$schema</c>, <c>additionalProperties</c> or a type array in the response schema, in Gemini's words and error envelope.</summary>
    GeminiSchemaSubset = 1,

    /// <summary>400 for any <c>response_format</c> of type <c>json_schema</c> (servers that only know JSON mode).</summary>
    NoJsonSchema = 2,

    /// <summary>400 for any <c>response_format</c> at all.</summary>
    NoResponseFormat = 4,

    /// <summary>400 for <c>reasoning_effort</c>, as servers of models that do not think answer.</summary>
    NoReasoningEffort = 8,
}
