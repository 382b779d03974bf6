namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// How a structured reply is asked for (<c>Model:StructuredOutput</c>). Endpoints accept different parts of
/// OpenAI's <c>response_format</c>: Gemini rejects <c>$schema</c>, <c>additionalProperties</c> and type arrays,
/// some servers refuse <c>json_schema</c> entirely, and a few ignore the field. The levels run from the most
/// to the least the endpoint must understand.
/// </summary>
public enum StructuredOutputMode
{
    /// <summary>Start at <see cref="JsonSchemaStrictSubset"/> and step down when the endpoint refuses the format.</summary>
    Auto,

    /// <summary>The full JSON schema as exported from our records.</summary>
    JsonSchema,

    /// <summary>The schema keywords every major provider accepts: no <c>$schema</c>, no <c>additionalProperties</c>, no type arrays.</summary>
    JsonSchemaStrictSubset,

    /// <summary><c>response_format: json_object</c>, with the schema written into the prompt.</summary>
    JsonObject,

    /// <summary>No <c>response_format</c>; the schema is only in the prompt.</summary>
    PromptOnly,
}
