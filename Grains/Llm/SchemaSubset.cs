using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// Rewrites a JSON schema into the part every major OpenAI-compatible endpoint accepts (Gemini's response
/// schema is an OpenAPI subset): only the keywords listed here, a single <c>type</c> with <c>nullable</c> for
/// "or null", and string enums that say they are strings.
/// </summary>
internal static class SchemaSubset
{
    // Everything else (e.g. $schema, additionalProperties, $id, default) is dropped, since one unknown name fails the whole request.
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "type", "description", "enum", "properties", "required", "items", "nullable", "format", "minItems", "maxItems", "minimum", "maximum",
    };

    public static JsonElement Of(JsonElement schema)
    {
        var subset = Rewrite(JsonNode.Parse(schema.GetRawText()) ?? new JsonObject());
        return JsonSerializer.SerializeToElement(subset);
    }

    private static JsonNode Rewrite(JsonNode node)
    {
        if (node is not JsonObject schema) return node.DeepClone();
        var result = new JsonObject();
        foreach (var (name, value) in schema)
        {
            if (!Kept.Contains(name) || value is null) continue;
            result[name] = name switch
            {
                "properties" when value is JsonObject properties => RewriteEach(properties),
                "items" => Rewrite(value),
                _ => value.DeepClone(),
            };
        }
        SingleType(result);
        StringEnum(result);
        return result;
    }

    private static JsonObject RewriteEach(JsonObject properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties) result[name] = value is null ? null : Rewrite(value);
        return result;
    }

    // ["string", "null"] becomes "string" + nullable; the subset has no type arrays.
    private static void SingleType(JsonObject schema)
    {
        if (schema["type"] is not JsonArray types) return;
        var named = types.Select(type => type?.GetValue<string>()).Where(type => type is not null).ToList();
        var nonNull = named.Where(type => type != "null").ToList();
        schema.Remove("type");
        if (nonNull.Count == 1) schema["type"] = nonNull[0];
        if (named.Contains("null")) schema["nullable"] = true;
    }

    // Enums of our records are strings (JsonStringEnumConverter); some endpoints need the type stated, and none take a null member.
    private static void StringEnum(JsonObject schema)
    {
        if (schema["enum"] is not JsonArray members) return;
        if (members.Any(member => member is null))
        {
            schema["enum"] = new JsonArray([.. members.Where(member => member is not null).Select(member => member!.DeepClone())]);
            schema["nullable"] = true;
        }
        if (schema["type"] is null) schema["type"] = "string";
    }
}
