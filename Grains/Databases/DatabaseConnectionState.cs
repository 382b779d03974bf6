using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases;

/// <summary>What a connection grain stores: the connection string only encrypted.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DatabaseConnectionState")]
public sealed class DatabaseConnectionState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public DatabaseProvider Provider { get; set; }
    /// <summary>AES-GCM ciphertext with its key id; null once the database is removed.</summary>
    [Id(3)] public string? ProtectedConnectionString { get; set; }
    [Id(4)] public string Description { get; set; } = "";
    [Id(5)] public long? OwnerUserId { get; set; }
    [Id(6)] public string? OwnerOrgId { get; set; }
    [Id(7)] public bool IsShared { get; set; }
    [Id(8)] public bool Active { get; set; }
    [Id(9)] public bool WriteMode { get; set; }
    [Id(10)] public long CreatedBy { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
}
