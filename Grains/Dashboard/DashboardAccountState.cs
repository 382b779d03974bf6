using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>What <see cref="DashboardAccountGrain"/> stores: never the password, only its hash.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DashboardAccountState")]
public sealed class DashboardAccountState
{
    [Id(0)] public long UserId { get; set; }

    [Id(1)] public string OrgId { get; set; } = string.Empty;

    [Id(2)] public UserRole Role { get; set; }

    [Id(3)] public bool Enabled { get; set; }

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Rises whenever the credentials change or the account is disabled; sessions carry it and end when it moves.</summary>
    [Id(5)] public int CredentialsVersion { get; set; }

    /// <summary>A <see cref="PasswordHasher"/> hash; empty while the account is disabled.</summary>
    [Id(6)] public string PasswordHash { get; set; } = string.Empty;
}
