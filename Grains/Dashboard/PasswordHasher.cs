using System.Globalization;
using System.Security.Cryptography;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes as self-describing text,
/// <c>pbkdf2-sha256$v1$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>. The iteration count travels
/// with each hash, so <see cref="CurrentIterations"/> can rise without breaking stored hashes.
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023).</summary>
    public const int CurrentIterations = 600_000;

    public const int SaltBytes = 16;

    public const int HashBytes = 32;

    /// <summary>What every hash of this format starts with, up to its iteration count.</summary>
    public const string Prefix = Scheme + "$" + Version + "$";

    private const string Scheme = "pbkdf2-sha256";

    // v1 fixes the rest of the layout: HMAC-SHA256, 16-byte salt, 32-byte hash.
    private const string Version = "v1";

    // A stored hash asking for more work than this is treated as tampered instead of pinning a CPU for minutes.
    private const int MaxIterations = 10 * CurrentIterations;

    /// <summary>A well-formed hash that no password matches: checking against it costs what a real check costs.</summary>
    internal static readonly string Unmatchable = Format(CurrentIterations, new byte[SaltBytes], new byte[HashBytes]);

    /// <summary>Hashes with a fresh random salt and the current iteration count (CPU-heavy: run it off the grain thread).</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(CurrentIterations, salt, Derive(password, salt, CurrentIterations));
    }

    /// <summary>Checks in constant time; a malformed <paramref name="storedHash"/> gives false, never an exception.</summary>
    public static bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected)) return false;
        var actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the hash was made with fewer iterations than today's, or is not in the current format.</summary>
    public static bool NeedsRehash(string storedHash) =>
        !TryParse(storedHash, out var iterations, out _, out _) || iterations < CurrentIterations;

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Format(int iterations, byte[] salt, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");

    private static bool TryParse(string? storedHash, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = new byte[SaltBytes];
        hash = new byte[HashBytes];
        return storedHash?.Split('$') is [Scheme, Version, var count, var saltText, var hashText]
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            && iterations is > 0 and <= MaxIterations
            && TryDecode(saltText, salt)
            && TryDecode(hashText, hash);
    }

    private static bool TryDecode(string base64, byte[] destination) =>
        Convert.TryFromBase64String(base64, destination, out var written) && written == destination.Length;
}
