namespace OrleansAssistant.Grains.Databases;

/// <summary>The rules for a database's display name.</summary>
public static class DatabaseName
{
    public const int MaxLength = 100;

    /// <returns>The trimmed name, or null when it is empty, too long or holds control characters.</returns>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
