using System.ClientModel;
using System.Net;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// What a refused request (HTTP 400/404) was refused for, read from the endpoint's own words: the response
/// format, the thinking setting, or the model. Providers word these differently, so each test looks for the
/// names of the request fields involved rather than for one provider's sentence.
/// </summary>
internal static class EndpointRejection
{
    private const int MaxWords = 300;

    private static readonly string[] FormatNames =
        ["response_format", "json_schema", "response_schema", "responseschema", "$schema", "additionalproperties", "json_object", "schema"];

    private static readonly string[] ReasoningNames = ["reasoning_effort", "reasoning", "thinking"];

    private static readonly string[] ModelPhrases =
        ["model not found", "model_not_found", "unknown model", "invalid model", "does not exist", "is not found", "not supported for", "no such model"];

    /// <summary>The endpoint's error text (its body, else the exception's message), shortened for a log line.</summary>
    public static string WordsOf(ClientResultException rejected)
    {
        var body = rejected.GetRawResponse()?.Content?.ToString();
        var words = string.IsNullOrWhiteSpace(body) ? rejected.Message : body;
        words = string.Join(' ', words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length <= MaxWords ? words : words[..MaxWords] + "…";
    }

    public static bool IsResponseFormat(ClientResultException rejected) =>
        rejected.Status == (int)HttpStatusCode.BadRequest && Names(rejected, FormatNames);

    public static bool IsReasoning(ClientResultException rejected) =>
        rejected.Status == (int)HttpStatusCode.BadRequest && Names(rejected, ReasoningNames);

    /// <summary>404, or a 400 that speaks of the model: the configured model name is not served here.</summary>
    public static bool IsModel(ClientResultException rejected, string model) =>
        rejected.Status == (int)HttpStatusCode.NotFound
        || (rejected.Status == (int)HttpStatusCode.BadRequest
            && (Names(rejected, ModelPhrases) || Names(rejected, [model.ToLowerInvariant()])) && !IsResponseFormat(rejected) && !IsReasoning(rejected));

    private static bool Names(ClientResultException rejected, IEnumerable<string> names)
    {
        var words = WordsOf(rejected).ToLowerInvariant();
        return names.Any(name => words.Contains(name, StringComparison.Ordinal));
    }
}
