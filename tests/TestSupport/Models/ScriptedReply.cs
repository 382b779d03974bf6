using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>How the fake model server answers one request: a completion (JSON or text) or an HTTP error.</summary>
public abstract record ScriptedReply
{
    // Same conventions as the production parser: camelCase, enums as strings.
    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Time to wait before answering, to play a slow model.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A completion whose content is <paramref name="value"/> serialized (camelCase, enums as strings).</summary>
    public static ScriptedReply Json(object value, int inputTokens, int outputTokens) =>
        new CompletionReply(JsonSerializer.Serialize(value, value.GetType(), ContentJson), inputTokens, outputTokens);

    /// <summary>A JSON completion whose model also spent <paramref name="reasoningTokens"/> thinking (counted as OpenAI does).</summary>
    public static ScriptedReply Json(object value, int inputTokens, int outputTokens, int reasoningTokens) =>
        new CompletionReply(JsonSerializer.Serialize(value, value.GetType(), ContentJson), inputTokens, outputTokens, reasoningTokens);

    /// <summary>A text completion whose model also spent <paramref name="reasoningTokens"/> thinking (counted as OpenAI does).</summary>
    public static ScriptedReply Text(string text, int inputTokens, int outputTokens, int reasoningTokens) =>
        new CompletionReply(text, inputTokens, outputTokens, reasoningTokens);

    /// <summary>A completion whose content is <paramref name="text"/> as is (also for malformed JSON).</summary>
    public static ScriptedReply Text(string text, int inputTokens, int outputTokens) => new CompletionReply(text, inputTokens, outputTokens);

    /// <summary>An OpenAI error envelope with <paramref name="status"/>, and a <c>Retry-After</c> header when given.</summary>
    public static ScriptedReply Error(int status, TimeSpan? retryAfter = null, string? message = null) =>
        new ErrorReply(status, retryAfter, message ?? $"Scripted error {status}.");

    /// <summary>This reply, sent after <paramref name="delay"/>.</summary>
    public ScriptedReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>
    /// Reasoning tokens counted beside <c>completion_tokens</c> rather than inside it, as some Gemini versions
    /// report them (the total still adds up).
    /// </summary>
    public bool ReasoningBesideCompletion { get; init; }

    internal abstract Task WriteAsync(HttpResponse response, string model, CancellationToken cancellationToken);
}

internal sealed record CompletionReply(string Content, int InputTokens, int OutputTokens, int ReasoningTokens = 0) : ScriptedReply
{
    internal override Task WriteAsync(HttpResponse response, string model, CancellationToken cancellationToken) =>
        ChatCompletionBodies.WriteAsync(response, StatusCodes.Status200OK,
            ChatCompletionBodies.Completion(model, Content, InputTokens, OutputTokens, ReasoningTokens, ReasoningBesideCompletion), cancellationToken);
}

internal sealed record ErrorReply(int Status, TimeSpan? RetryAfter, string Message) : ScriptedReply
{
    internal override Task WriteAsync(HttpResponse response, string model, CancellationToken cancellationToken)
    {
        if (RetryAfter is { } wait) response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ChatCompletionBodies.WriteAsync(response, Status, ChatCompletionBodies.Error(Status, Message), cancellationToken);
    }
}
