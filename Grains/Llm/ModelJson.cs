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

    /// <summary>
    /// The response format of <paramref name="mode"/> as Microsoft.Extensions.AI sends it: the full schema or plain
    /// JSON; null for the subset (sent as written, see <see cref="SubsetFor{T}"/>) and for prompt-only.
    /// </summary>
    public static ChatResponseFormat? FormatFor<T>(StructuredOutputMode mode) => mode switch
    {
        StructuredOutputMode.JsonSchema => Format<T>.Full,
        StructuredOutputMode.JsonObject => ChatResponseFormat.Json,
        _ => null,
    };

    /// <summary>The schema subset every major endpoint accepts, to be sent unchanged.</summary>
    public static NamedSchema SubsetFor<T>() => Format<T>.Subset;

    /// <summary>The schema as prompt text, for the levels where the endpoint does not carry it.</summary>
    public static string SchemaTextFor<T>() => Format<T>.SubsetText;

    /// <returns>The value, or null with <paramref name="error"/> saying why the text is not a <typeparamref name="T"/>.</returns>
    public static T? TryParse<T>(string text, out string? error) where T : class
    {
        var value = TryDeserialize<T>(WithoutCodeFence(text), out error);
        if (value is not null) return value;
        // An endpoint that ignores the response format may wrap the object in prose; the outermost braces hold it.
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        var inner = TryDeserialize<T>(text[start..(end + 1)], out var innerError);
        if (inner is not null) error = innerError;
        return inner;
    }

    private static T? TryDeserialize<T>(string json, out string? error) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
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
        public static readonly ChatResponseFormatJson Full = ChatResponseFormat.ForJsonSchema<T>(Options, schemaName: typeof(T).Name);

        public static readonly NamedSchema Subset = new(typeof(T).Name, SchemaSubset.Of(Full.Schema!.Value));

        public static readonly string SubsetText = Subset.Schema.GetRawText();
    }
}
