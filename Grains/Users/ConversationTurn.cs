namespace OrleansAssistant.Grains.Users;

/// <summary>One question and its answer, as the next question's context.</summary>
public sealed record ConversationTurn(string Question, string Answer, string? Sql, DateTimeOffset At);
