namespace OrleansAssistant.TestSupport.Models;

/// <summary>A chat message of a recorded request: <c>system</c>, <c>user</c> or <c>assistant</c>, and its text.</summary>
public sealed record RecordedChatMessage(string Role, string Content);
