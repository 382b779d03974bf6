using OrleansAssistant.Grains.Interfaces;

namespace OrleansAssistant.Grains;

/// <summary>The rule for names people give things (organizations, databases): trimmed, 1 to 100 characters, no control characters and nothing <see cref="NameSafety"/> refuses.</summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    /// <returns>The trimmed name, or null when it breaks the rule.</returns>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl) || !NameSafety.IsSafe(trimmed) ? null : trimmed;
    }
}
