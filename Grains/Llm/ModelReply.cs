namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// What one model call produced: the parsed value (null when it did not parse, see <see cref="ParseError"/>),
/// the raw text of the last attempt, and the tokens and time of every attempt, since every attempt is billed.
/// <see cref="OutputTokens"/> are the visible reply; <see cref="ReasoningTokens"/> the model's thinking, billed as output.
/// </summary>
public sealed record ModelReply<T>(
    T? Value,
    string RawText,
    int InputTokens,
    int OutputTokens,
    int ReasoningTokens,
    TimeSpan Duration,
    string Model,
    string? ParseError);
