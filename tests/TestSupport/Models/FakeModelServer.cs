using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// An OpenAI-compatible Chat Completions endpoint served over real HTTP on 127.0.0.1, under the same
/// <c>/v1beta/openai/</c> prefix as Gemini's, so the production client builds its URLs unchanged.
/// Tests script the replies in order (or set a responder) and read every request that arrived.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string PathPrefix = "/v1beta/openai/";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ModelScript _script = new();
    private readonly ModelsEndpoint _models = new();
    private readonly EmbeddingsEndpoint _embeddings = new();
    private readonly object _gate = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private bool _started;

    /// <summary>Builds the server; <see cref="StartAsync"/> opens the port.</summary>
    public FakeModelServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // the OS picks a free port; BaseUrl reports it
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var endpoint = new ChatCompletionsEndpoint(_script, Record, () => Strictness, _stopping.Token);
        _app.MapPost(PathPrefix + "chat/completions", endpoint.HandleAsync);
        _app.MapGet(PathPrefix + "models", _models.HandleAsync);
        _app.MapPost(PathPrefix + "embeddings", _embeddings.HandleAsync);
        _app.MapFallback(endpoint.HandleUnknownAsync);
    }

    /// <summary>The endpoint root to configure as the model base URL, e.g. <c>http://127.0.0.1:41234/v1beta/openai/</c>.</summary>
    public Uri BaseUrl => new(new Uri(_app.Urls.Single()), PathPrefix);

    /// <summary>Every request in arrival order, including those that got an error or were abandoned by the client.</summary>
    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    /// <summary>What the endpoint refuses with 400 before consulting the script; nothing by default.</summary>
    public EndpointStrictness Strictness { get; set; }

    /// <summary>Every <c>GET {prefix}models</c> in arrival order; kept out of <see cref="Requests"/>, so periodic checks never shift it.</summary>
    public IReadOnlyList<RecordedModelRequest> ModelListRequests => _models.Requests;

    /// <summary>Every <c>POST {prefix}embeddings</c> in arrival order; kept out of <see cref="Requests"/>, like the model list.</summary>
    public IReadOnlyList<RecordedModelRequest> EmbeddingRequests => _embeddings.Requests;

    /// <summary>The next embeddings request gets an OpenAI error envelope with <paramref name="status"/> (the chat script is untouched).</summary>
    public void EnqueueEmbeddingError(int status) => _embeddings.EnqueueError(status);

    /// <summary>Scripted steps not yet used.</summary>
    public int PendingReplies => _script.Pending;

    /// <summary>Starts listening on a free port of 127.0.0.1; <see cref="BaseUrl"/> is known from then on.</summary>
    public async Task StartAsync()
    {
        await _app.StartAsync();
        _started = true;
    }

    /// <summary>The next request gets a completion whose content is <paramref name="value"/> as JSON (camelCase, enums as strings).</summary>
    public void EnqueueJson(object value, int inputTokens, int outputTokens) => _script.Enqueue(ScriptedReply.Json(value, inputTokens, outputTokens));

    /// <summary>The next request gets <paramref name="reply"/> (e.g. one with reasoning tokens).</summary>
    public void Enqueue(ScriptedReply reply) => _script.Enqueue(reply);

    /// <summary>The next request gets a completion whose content is <paramref name="text"/> (use it for malformed JSON too).</summary>
    public void EnqueueText(string text, int inputTokens, int outputTokens) => _script.Enqueue(ScriptedReply.Text(text, inputTokens, outputTokens));

    /// <summary>The next request gets an OpenAI error envelope with <paramref name="status"/>, and <c>Retry-After</c> when given.</summary>
    public void EnqueueError(int status, TimeSpan? retryAfter = null) => _script.Enqueue(ScriptedReply.Error(status, retryAfter));

    /// <summary>
    /// The next request is held for <paramref name="delay"/>, then answered with the step after this one.
    /// If the client hangs up first, nothing more is taken from the script, so a retry gets that step.
    /// </summary>
    public void EnqueueDelay(TimeSpan delay) => _script.EnqueuePause(delay);

    /// <summary>The next request is held until <paramref name="until"/> completes, then takes whatever is next in the script.</summary>
    public void EnqueueWaitFor(Task until) => _script.EnqueueWaitFor(until);

    /// <summary>Once the script is empty, every request is answered by <paramref name="responder"/> (null turns it off).</summary>
    public void Respond(Func<RecordedModelRequest, ScriptedReply>? responder) => _script.Respond(responder);

    /// <summary>
    /// <c>GET {prefix}models</c> lists exactly these ids from now on (give <c>models/x</c> to play Gemini's naming).
    /// Until called it lists the models of a default <c>ModelSettings</c>.
    /// </summary>
    public void OfferModels(params string[] models) => _models.Offer(models);

    /// <summary><c>GET {prefix}models</c> answers 404, as endpoints that do not list their models do.</summary>
    public void RefuseModelListing() => _models.SupportListing(false);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_started) await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void Record(RecordedModelRequest request)
    {
        lock (_gate) _requests.Add(request);
    }
}
