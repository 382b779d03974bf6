using System.Security.Cryptography;
using OrleansAssistant.Grains.Interfaces;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>Invitation codes: 12 URL-safe characters from a CSPRNG (72 bits), fit for a t.me deep link.</summary>
public static class InvitationCode
{
    public const int Length = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="text"/> could be a code at all (checked before any grain is touched).</summary>
    public static bool IsWellFormed(string? text) => text is { Length: Length } && text.All(Alphabet.Contains);

    public static string FromGrainKey(string key) => key[GrainKeys.Invitation("").Length..];
}
