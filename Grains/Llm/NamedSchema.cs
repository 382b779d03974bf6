using System.Text.Json;

namespace OrleansAssistant.Grains.Llm;

/// <summary>A JSON schema sent as <c>response_format.json_schema</c> exactly as written.</summary>
internal sealed record NamedSchema(string Name, JsonElement Schema);
