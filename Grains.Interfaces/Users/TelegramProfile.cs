namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>Who someone is on Telegram, as the latest update told us.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.TelegramProfile")]
public sealed record TelegramProfile(
    [property: Id(0)] long UserId,
    [property: Id(1)] string? Username,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string? LastName,
    [property: Id(4)] string? LanguageCode);
