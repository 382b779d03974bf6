using System.ClientModel;
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
    private readonly EndpointProfile _profile;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelClient> _logger;

    public ModelClient(ModelSettings settings, IHttpClientFactory httpClients, TimeProvider time, ILogger<ModelClient> logger)
    {
        _settings = settings;
        _chatClients = new ModelChatClients(settings, httpClients.CreateClient(HttpClientName));
        _profile = new EndpointProfile(settings, logger);
        _time = time;
        _logger = logger;
    }

    public ModelSettings Settings => _settings;

    /// <summary>
    /// Asks the model of <paramref name="stage"/> for a <typeparamref name="T"/> as JSON, in the structured-output
    /// level the endpoint accepts. A reply that does not parse is shown to the model with the error for one more
    /// try; if that fails too, the reply has a null value and a <see cref="ModelReply{T}.ParseError"/>. Tokens of
    /// both tries are counted.
    /// </summary>
    /// <param name="model">The model to ask; null asks the stage's configured one.</param>
    public async Task<ModelReply<T>> CompleteJsonAsync<T>(ModelStage stage, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken,
        string? model = null)
        where T : class
    {
        EnsureConfigured();
        model ??= _settings.ModelOf(stage);
        var started = _time.GetTimestamp();

        var first = await SendStructuredAsync<T>(stage, model, messages, cancellationToken);
        var value = ModelJson.TryParse<T>(first.Text, out var error);
        var usage = Usage.Of(first);
        var text = first.Text;
        if (error is not null)
        {
            ModelClientLog.Unparsable(_logger, model, typeof(T).Name, text.Length);
            var second = await SendStructuredAsync<T>(stage, model, [.. messages, .. Correction(text, error)], cancellationToken);
            value = ModelJson.TryParse<T>(second.Text, out error);
            usage += Usage.Of(second);
            text = second.Text;
        }

        var duration = _time.GetElapsedTime(started);
        ModelClientLog.Completed(_logger, model, error is null ? "parsed" : "unparsable", usage.Input, usage.Output, usage.Reasoning, duration.TotalMilliseconds, PromptLength(messages));
        return new ModelReply<T>(value, text, usage.Input, usage.Output, usage.Reasoning, duration, model, error);
    }

    /// <summary>Asks the model of <paramref name="stage"/> (or <paramref name="model"/>, when given) for free text.</summary>
    public async Task<ModelReply<string>> CompleteTextAsync(ModelStage stage, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken,
        string? model = null)
    {
        EnsureConfigured();
        model ??= _settings.ModelOf(stage);
        var started = _time.GetTimestamp();
        var response = await SendAsync(stage, model, messages, responseFormat: null, cancellationToken);
        var usage = Usage.Of(response);
        var duration = _time.GetElapsedTime(started);
        ModelClientLog.Completed(_logger, model, "text", usage.Input, usage.Output, usage.Reasoning, duration.TotalMilliseconds, PromptLength(messages));
        return new ModelReply<string>(response.Text, response.Text, usage.Input, usage.Output, usage.Reasoning, duration, model, null);
    }

    private void EnsureConfigured()
    {
        if (!_settings.IsConfigured) throw new ModelNotConfiguredException();
    }

    /// <summary>Sends at the level the endpoint accepts, stepping down (Auto only) when it refuses the response format.</summary>
    private Task<ChatResponse> SendStructuredAsync<T>(ModelStage stage, string model, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken) =>
        Translated(stage, model, async () =>
        {
            while (true)
            {
                var level = _profile.LevelFor(model);
                var request = level is StructuredOutputMode.JsonObject or StructuredOutputMode.PromptOnly
                    ? WithSchemaInstruction(messages, ModelJson.SchemaTextFor<T>())
                    : messages;
                try
                {
                    var subset = level == StructuredOutputMode.JsonSchemaStrictSubset ? ModelJson.SubsetFor<T>() : null;
                    return await SendRawAsync(stage, model, request, ModelJson.FormatFor<T>(level), subset, cancellationToken);
                }
                catch (ClientResultException rejected) when (level != StructuredOutputMode.PromptOnly
                                                             && EndpointRejection.IsResponseFormat(rejected)
                                                             && _profile.StepDown(model, level, EndpointRejection.WordsOf(rejected)))
                {
                    // The next round asks at the lower level.
                }
            }
        }, cancellationToken);

    private Task<ChatResponse> SendAsync(ModelStage stage, string model, IReadOnlyList<ChatMessage> messages, ChatResponseFormat? responseFormat,
        CancellationToken cancellationToken) =>
        Translated(stage, model, () => SendRawAsync(stage, model, messages, responseFormat, subset: null, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="send"/>; what the HTTP stack throws once the retries are spent becomes one <see cref="ModelUnavailableException"/>.</summary>
    private async Task<ChatResponse> Translated(ModelStage stage, string model, Func<Task<ChatResponse>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (Exception error) when (ModelFailures.Translate(error, stage, model, cancellationToken) is { } unavailable)
        {
            ModelClientLog.Failed(_logger, model, unavailable.Message, error.GetType().Name);
            throw unavailable;
        }
    }

    private async Task<ChatResponse> SendRawAsync(ModelStage stage, string model, IReadOnlyList<ChatMessage> messages, ChatResponseFormat? responseFormat,
        NamedSchema? subset, CancellationToken cancellationToken)
    {
        var thinking = _settings.ThinkingOf(stage);
        var sendsThinking = _profile.SendsThinking(model, thinking);
        try
        {
            return await _chatClients.For(model).GetResponseAsync(messages, Options(responseFormat, subset, sendsThinking ? thinking : null), cancellationToken);
        }
        catch (ClientResultException rejected) when (sendsThinking && EndpointRejection.IsReasoning(rejected))
        {
            // Not every endpoint takes reasoning_effort (older OpenAI-compatible servers, models that do not think): ask without it.
            _profile.RefusesThinking(model, EndpointRejection.WordsOf(rejected));
            return await SendRawAsync(stage, model, messages, responseFormat, subset, cancellationToken);
        }
    }

    private static ChatOptions Options(ChatResponseFormat? responseFormat, NamedSchema? subset, ThinkingEffort? thinking) => new()
    {
        ResponseFormat = responseFormat,
        RawRepresentationFactory = OpenAIRequestOptions.For(thinking, subset) is { } raw ? _ => raw : null,
    };

    // JSON-object and prompt-only endpoints learn the shape from the prompt; the system message is where instructions belong.
    private static List<ChatMessage> WithSchemaInstruction(IReadOnlyList<ChatMessage> messages, string schema)
    {
        var instruction = $"Reply with only one JSON object, without prose or code fences, that matches this JSON schema: {schema}";
        var result = messages.ToList();
        var system = result.FindIndex(message => message.Role == ChatRole.System);
        if (system < 0) result.Insert(0, new ChatMessage(ChatRole.System, instruction));
        else result[system] = new ChatMessage(ChatRole.System, result[system].Text + "\n\n" + instruction);
        return result;
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
