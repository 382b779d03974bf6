using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace OrleansAssistant.Grains.Llm;

/// <summary>How structured replies are described to the model (a JSON schema) and read back.</summary>
internal static class ModelJson
{
    /// <summary>
    /// camelCase names, enums as strings, read case-insensitively. Nullable annotations and required
    /// constructor parameters are enforced, so a reply missing a non-null field counts as unparsable
    /// instead of becoming a record with a null inside.
    /// </summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static ChatResponseFormat FormatFor<T>() => Format<T>.Value;

    /// <returns>The value, or null with <paramref name="error"/> saying why the text is not a <typeparamref name="T"/>.</returns>
    public static T? TryParse<T>(string text, out string? error) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(WithoutCodeFence(text), Options);
            error = value is null ? "The reply was JSON null." : null;
            return value;
        }
        catch (JsonException parseError)
        {
            error = parseError.Message;
            return null;
        }
    }

    // Some models wrap JSON in a Markdown fence even when a schema is requested; the JSON inside is fine.
    private static string WithoutCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6) return trimmed;
        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? trimmed : trimmed[(firstLineEnd + 1)..^3].Trim();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    // The schema of a type never changes, so it is exported once per type.
    private static class Format<T>
    {
        public static readonly ChatResponseFormat Value = ChatResponseFormat.ForJsonSchema<T>(Options, schemaName: typeof(T).Name);
    }
}
