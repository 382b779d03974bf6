using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// Calls the configured models (one shared instance per silo). Structured calls ask for a JSON schema and
/// parse the reply, asking once more when it does not parse. Endpoint failures surface as
/// <see cref="ModelUnavailableException"/>; a missing key as <see cref="ModelNotConfiguredException"/>.
/// </summary>
public sealed class ModelClient
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the resilient client every model call uses.</summary>
    public const string HttpClientName = "OrleansAssistant.Models";

    private readonly ModelSettings _settings;
    private readonly ModelChatClients _chatClients;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelClient> _logger;

    public ModelClient(ModelSettings settings, IHttpClientFactory httpClients, TimeProvider time, ILogger<ModelClient> logger)
    {
        _settings = settings;
        _chatClients = new ModelChatClients(settings, httpClients.CreateClient(HttpClientName));
        _time = time;
        _logger = logger;
    }

    public ModelSettings Settings => _settings;

    /// <summary>
    /// Asks <paramref name="model"/> for a <typeparamref name="T"/> as JSON. A reply that does not parse is shown
    /// to the model with the error for one more try; if that fails too, the reply has a null value and a
    /// <see cref="ModelReply{T}.ParseError"/>. Tokens of both tries are counted.
    /// </summary>
    public async Task<ModelReply<T>> CompleteJsonAsync<T>(string model, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
        where T : class
    {
        EnsureConfigured();
        var started = _time.GetTimestamp();
        var options = new ChatOptions { ResponseFormat = ModelJson.FormatFor<T>() };

        var first = await SendAsync(model, messages, options, cancellationToken);
        var value = ModelJson.TryParse<T>(first.Text, out var error);
        var usage = Usage.Of(first);
        var text = first.Text;
        if (error is not null)
        {
            ModelClientLog.Unparsable(_logger, model, typeof(T).Name, text.Length);
            var second = await SendAsync(model, [.. messages, .. Correction(text, error)], options, cancellationToken);
            value = ModelJson.TryParse<T>(second.Text, out error);
            usage += Usage.Of(second);
            text = second.Text;
        }

        var duration = _time.GetElapsedTime(started);
        ModelClientLog.Completed(_logger, model, error is null ? "parsed" : "unparsable", usage.Input, usage.Output, duration.TotalMilliseconds, PromptLength(messages));
        return new ModelReply<T>(value, text, usage.Input, usage.Output, usage.Reasoning, duration, model, error);
    }

    /// <summary>Asks <paramref name="model"/> for free text.</summary>
    public async Task<ModelReply<string>> CompleteTextAsync(string model, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        EnsureConfigured();
        var started = _time.GetTimestamp();
        var response = await SendAsync(model, messages, new ChatOptions(), cancellationToken);
        var usage = Usage.Of(response);
        var duration = _time.GetElapsedTime(started);
        ModelClientLog.Completed(_logger, model, "text", usage.Input, usage.Output, duration.TotalMilliseconds, PromptLength(messages));
        return new ModelReply<string>(response.Text, response.Text, usage.Input, usage.Output, usage.Reasoning, duration, model, null);
    }

    private void EnsureConfigured()
    {
        if (!_settings.IsConfigured) throw new ModelNotConfiguredException();
    }

    private async Task<ChatResponse> SendAsync(string model, IEnumerable<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await _chatClients.For(model).GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception error) when (ModelFailures.Translate(error, model, cancellationToken) is { } unavailable)
        {
            ModelClientLog.Failed(_logger, model, unavailable.Message, error.GetType().Name);
            throw unavailable;
        }
    }

    // The model sees its own reply and why it was refused, which fixes most slips in one round.
    private static ChatMessage[] Correction(string reply, string error) =>
    [
        new(ChatRole.Assistant, reply),
        new(ChatRole.User, $"That reply is not valid JSON for the requested schema ({error}). Answer again with only the JSON object."),
    ];

    private static int PromptLength(IReadOnlyList<ChatMessage> messages) => messages.Sum(message => message.Text.Length);

    /// <summary>
    /// Tokens of one reply. Endpoints disagree on whether <c>completion_tokens</c> includes the reasoning tokens
    /// (OpenAI: yes; some Gemini versions: no), so the total decides: when input + completion + reasoning is the
    /// total, reasoning came on top; otherwise it is inside the completion and taken out of the visible output.
    /// </summary>
    private readonly record struct Usage(int Input, int Output, int Reasoning)
    {
        public static Usage Of(ChatResponse response)
        {
            var details = response.Usage;
            var input = (int)(details?.InputTokenCount ?? 0);
            var completion = (int)(details?.OutputTokenCount ?? 0);
            var reasoning = (int)(details?.ReasoningTokenCount ?? 0);
            if (reasoning <= 0) return new(input, completion, 0);
            var reasoningOnTop = details?.TotalTokenCount is { } total && total == input + completion + reasoning;
            return reasoningOnTop || reasoning > completion
                ? new(input, completion, reasoning)
                : new(input, completion - reasoning, reasoning);
        }

        public static Usage operator +(Usage a, Usage b) => new(a.Input + b.Input, a.Output + b.Output, a.Reasoning + b.Reasoning);
    }
}
