using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using EmbeddingClient = OpenAI.Embeddings.EmbeddingClient;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// Embeds questions with <c>Model:EmbeddingModel</c> (<c>POST …/embeddings</c>) on the chat models' endpoint, key and
/// resilient HTTP client, so it gets the same retries and time limits. Off unless both the key and the model are set:
/// then <see cref="EmbedAsync"/> answers null and the library ranks by words alone. Endpoint failures surface as
/// <see cref="ModelUnavailableException"/>, which a caller that can do without the vector catches.
/// </summary>
public sealed class QuestionEmbedder
{
    private readonly ModelSettings _settings;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly EmbeddingGenerationOptions? _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QuestionEmbedder> _logger;

    public QuestionEmbedder(ModelSettings settings, IHttpClientFactory httpClients, TimeProvider time, ILogger<QuestionEmbedder> logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
        if (settings.EmbeddingsEnabled)
        {
            var options = ModelEndpointOptions.For(settings, httpClients.CreateClient(ModelClient.HttpClientName));
            _generator = new EmbeddingClient(settings.EmbeddingModel, new ApiKeyCredential(settings.ApiKey!), options).AsIEmbeddingGenerator();
            _options = settings.EmbeddingDimensions > 0 ? new EmbeddingGenerationOptions { Dimensions = settings.EmbeddingDimensions } : null;
        }
    }

    public bool IsEnabled => _generator is not null;

    /// <summary>The model whose vectors this process makes; null when embeddings are off.</summary>
    public string? Model => IsEnabled ? _settings.EmbeddingModel : null;

    /// <summary>The embedding of <paramref name="text"/>, with the input tokens and time to bill; null when embeddings are off or the text is blank.</summary>
    /// <exception cref="ModelUnavailableException">The endpoint failed after its retries, refused the key, or does not serve the model.</exception>
    public async Task<ModelReply<float[]>?> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (_generator is null || string.IsNullOrWhiteSpace(text)) return null;
        var model = _settings.EmbeddingModel!;
        var started = _time.GetTimestamp();
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await _generator.GenerateAsync([text], _options, cancellationToken);
        }
        catch (Exception error) when (ModelFailures.Translate(error, ModelSettings.EmbeddingModelSetting, model, cancellationToken) is { } unavailable)
        {
            ModelClientLog.Failed(_logger, model, unavailable.Message, error.GetType().Name);
            throw unavailable;
        }
        if (generated.Count != 1 || generated[0].Vector.IsEmpty)
        {
            throw new ModelUnavailableException($"Model endpoint sent {generated.Count} embeddings for one text with {model}.", ModelUnavailableException.NotAnsweringMessage);
        }
        var tokens = (int)(generated.Usage?.InputTokenCount ?? 0);
        var duration = _time.GetElapsedTime(started);
        ModelClientLog.Completed(_logger, model, "embedding", tokens, 0, 0, duration.TotalMilliseconds, text.Length);
        return new ModelReply<float[]>(generated[0].Vector.ToArray(), "", tokens, 0, 0, duration, model, null);
    }
}
