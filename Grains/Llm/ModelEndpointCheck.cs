using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// One look at the model endpoint: <c>GET {BaseUrl}models</c>, and whether it lists every configured model
/// (as <c>x</c> or <c>models/x</c>, as Gemini names them). An endpoint that does not list its models
/// (404/405) gets a 1-token chat completion per model instead, where 404 means missing. Each request has a
/// short limit and is not retried: the next period is the retry. Without a key nothing is sent.
/// </summary>
public sealed class ModelEndpointCheck(ModelSettings settings, IHttpClientFactory httpClients)
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the check's client: no retries, <see cref="RequestLimit"/>.</summary>
    public const string HttpClientName = "OrleansAssistant.Models.Check";

    private const string GeminiModelPrefix = "models/";

    /// <summary>The most one request of the check may take; an endpoint slower than this is not healthy.</summary>
    public TimeSpan RequestLimit => settings.RequestTimeout < MaxRequestLimit ? settings.RequestTimeout : MaxRequestLimit;

    private static readonly TimeSpan MaxRequestLimit = TimeSpan.FromSeconds(10);

    /// <param name="checkedAt">The time to record for this check, from the clock that paces the checks.</param>
    public async Task<ModelHealthReport> RunAsync(DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        var endpoint = ModelHealthReport.ShownEndpoint(settings.BaseUrl);
        var models = ModelHealthReport.Unknown(settings);
        if (!settings.IsConfigured)
        {
            return new ModelHealthReport(ModelHealthState.NotConfigured, endpoint, ModelHealthMethod.None, models, checkedAt, null);
        }

        using var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = RequestLimit;
        try
        {
            if (await ListAsync(http, cancellationToken) is { } offered)
            {
                return new ModelHealthReport(ModelHealthState.Reachable, endpoint, ModelHealthMethod.ModelList,
                    [.. models.Select(entry => entry with { Presence = offered.Contains(WithoutPrefix(entry.Model)) ? ModelHealthPresence.Present : ModelHealthPresence.Missing })],
                    checkedAt, null);
            }
            var called = new Dictionary<string, ModelHealthPresence>(StringComparer.Ordinal);
            foreach (var model in models.Select(entry => entry.Model).Distinct(StringComparer.Ordinal))
            {
                called[model] = await CallAsync(http, model, cancellationToken);
            }
            return new ModelHealthReport(ModelHealthState.Reachable, endpoint, ModelHealthMethod.OneTokenCalls,
                [.. models.Select(entry => entry with { Presence = called[entry.Model] })], checkedAt, null);
        }
        catch (HttpRequestException error)
        {
            return new ModelHealthReport(ModelHealthState.Unreachable, endpoint, ModelHealthMethod.None, models, checkedAt, error.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = $"no answer within {RequestLimit.TotalSeconds:0.#} s";
            return new ModelHealthReport(ModelHealthState.Unreachable, endpoint, ModelHealthMethod.None, models, checkedAt, problem);
        }
    }

    /// <summary>The offered model names without Gemini's prefix, or null when the endpoint does not list its models.</summary>
    private async Task<HashSet<string>?> ListAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "models");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) return null;
        ThrowIfFailed(response);
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            return [.. data.EnumerateArray()
                .Where(model => model.ValueKind == JsonValueKind.Object && model.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(model => WithoutPrefix(model.GetProperty("id").GetString()!))];
        }
        catch (JsonException)
        {
            // Something answered 200 that is not a model list; the 1-token calls still tell the truth.
            return null;
        }
    }

    private async Task<ModelHealthPresence> CallAsync(HttpClient http, string model, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "chat/completions");
        request.Content = JsonContent.Create(new { model, messages = new[] { new { role = "user", content = "Reply with OK." } }, max_tokens = 1 });
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return ModelHealthPresence.Present;
        if (response.StatusCode == HttpStatusCode.NotFound) return ModelHealthPresence.Missing;
        // A refused key refuses every model: the endpoint as a whole is unusable.
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) ThrowIfFailed(response);
        return ModelHealthPresence.Unknown;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        return request;
    }

    private static void ThrowIfFailed(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "; the key was refused" : "";
        throw new HttpRequestException($"answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}){refused}", null, response.StatusCode);
    }

    private static string WithoutPrefix(string model) =>
        model.StartsWith(GeminiModelPrefix, StringComparison.Ordinal) ? model[GeminiModelPrefix.Length..] : model;
}
