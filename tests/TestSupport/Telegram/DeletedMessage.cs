namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>A message the bot deleted successfully.</summary>
public sealed record DeletedMessage(long ChatId, int MessageId);
