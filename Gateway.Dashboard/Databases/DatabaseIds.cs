using System.Diagnostics.CodeAnalysis;

namespace OrleansAssistant.Gateway.Dashboard.Databases;

/// <summary>What a database id can look like; anything else is refused before it reaches the cluster.</summary>
internal static class DatabaseIds
{
    private const int MaxLength = 64;

    public static bool IsWellFormed([NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
