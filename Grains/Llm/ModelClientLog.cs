using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Llm;

/// <summary>Model calls in the log: model, outcome, tokens, time and prompt size, never prompt text or the key.</summary>
internal static partial class ModelClientLog
{
    [LoggerMessage(1, LogLevel.Information, "Model {Model} answered ({Outcome}): {InputTokens} input, {OutputTokens} output and {ReasoningTokens} reasoning tokens in {DurationMs:0} ms for a prompt of {PromptChars} characters")]
    public static partial void Completed(ILogger logger, string model, string outcome, int inputTokens, int outputTokens, int reasoningTokens, double durationMs, int promptChars);

    [LoggerMessage(2, LogLevel.Warning, "Model {Model} sent a reply of {ReplyChars} characters that is not a valid {Type}; asking once more")]
    public static partial void Unparsable(ILogger logger, string model, string type, int replyChars);

    [LoggerMessage(3, LogLevel.Warning, "Model {Model} failed: {Failure} ({ErrorType})")]
    public static partial void Failed(ILogger logger, string model, string failure, string errorType);

    [LoggerMessage(4, LogLevel.Warning, "Model {Model} refused structured output as {Refused}; asking as {Next} from now on. The endpoint said: {EndpointWords}")]
    public static partial void SteppedDown(ILogger logger, string model, StructuredOutputMode refused, StructuredOutputMode next, string endpointWords);

    [LoggerMessage(5, LogLevel.Warning, "Model {Model} refused a reasoning effort; asking without one from now on. The endpoint said: {EndpointWords}")]
    public static partial void ThinkingRefused(ILogger logger, string model, string endpointWords);
}
