using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Members;

/// <summary>A member as the Members tab lists them.</summary>
public sealed record MemberView(long UserId, string DisplayName, string? TelegramUsername, UserRole Role, DateTimeOffset JoinedAt, DateTimeOffset? LastSeen);
