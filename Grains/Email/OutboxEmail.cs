namespace OrleansAssistant.Grains.Email;

/// <summary>One outbox row as the dispatcher sends it.</summary>
public sealed record OutboxEmail(string Id, long UserId, IReadOnlyList<string> To, string Subject, string Body, int Attempts);
