namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>Who reads a budget refusal: their organization's name, its owner's name, whether they are the owner, and when they read it.</summary>
public sealed record RefusalReader(string? OrgName, string? OwnerName, bool IsOwner, DateTimeOffset Now);
