namespace OrleansAssistant.Grains.Organizations;

/// <summary>The rules for an organization's name.</summary>
public static class OrganizationName
{
    public const int MaxLength = 100;

    /// <returns>The trimmed name, or null when it is empty or too long.</returns>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
