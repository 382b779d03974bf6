using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// <c>GET {prefix}models</c>: the OpenAI model list (<c>{"object":"list","data":[{"id":…,"object":"model"}]}</c>).
/// Until a test sets the offer it lists the three models a default <see cref="ModelSettings"/> configures, so a
/// silo on default model settings finds every model. It can also answer 404, as endpoints that do not list
/// their models do. Requests are kept apart from the chat requests, so periodic checks never shift those.
/// </summary>
internal sealed class ModelsEndpoint
{
    private readonly object _gate = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private string[] _offered = DefaultOffer();
    private bool _listingSupported = true;

    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public void Offer(string[] models)
    {
        lock (_gate) _offered = [.. models];
    }

    public void SupportListing(bool supported)
    {
        lock (_gate) _listingSupported = supported;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization;
        string[] offered;
        bool supported;
        lock (_gate)
        {
            _requests.Add(new RecordedModelRequest(context.Request.Path.Value ?? "", "", authorization.Count == 0 ? null : authorization.ToString()));
            offered = _offered;
            supported = _listingSupported;
        }
        if (!supported)
        {
            var refusal = ChatCompletionBodies.Error(StatusCodes.Status404NotFound, "FakeModelServer: this endpoint does not list its models.");
            await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status404NotFound, refusal, context.RequestAborted);
            return;
        }
        var list = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. offered.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 0, ["owned_by"] = "fake" })]),
        };
        await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status200OK, list, context.RequestAborted);
    }

    private static string[] DefaultOffer()
    {
        var defaults = new ModelSettings();
        return [.. new[] { defaults.SummaryModel, defaults.AnswerModel, defaults.EmailModel, PinnedModels.Summary, PinnedModels.Answer, PinnedModels.Email }
            .Distinct(StringComparer.Ordinal)];
    }
}
