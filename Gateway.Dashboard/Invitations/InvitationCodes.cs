using System.Diagnostics.CodeAnalysis;

namespace OrleansAssistant.Gateway.Dashboard.Invitations;

/// <summary>What an invitation code can look like (12 URL-safe characters); anything else never reaches the cluster.</summary>
internal static class InvitationCodes
{
    public static bool IsWellFormed([NotNullWhen(true)] string? code) =>
        code is { Length: 12 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
