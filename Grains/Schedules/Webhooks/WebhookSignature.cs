using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>
/// Signs what a schedule posts, so the receiver can tell it came from this installation and was not replayed:
/// HMAC-SHA256, keyed with the schedule's own secret, over "<unix seconds>.<body>", sent as
/// <c>X-Assistant-Signature: t=&lt;unix seconds&gt;,v1=&lt;lower-case hex&gt;</c>. The secret is shown to its owner once.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Assistant-Signature";

    private const int SecretBytes = 32;

    /// <summary>A new secret: 32 random bytes as URL-safe base64 without padding.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string HeaderValue(string secret, DateTimeOffset sentAt, ReadOnlySpan<byte> body)
    {
        var seconds = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={seconds},v1={Convert.ToHexStringLower(Mac(secret, seconds, body))}";
    }

    /// <summary>
    /// What a receiver does: the header is well formed, the signature matches (compared in constant time), and it was
    /// made within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool IsValid(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null) return false;
        string? seconds = null, hex = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) seconds = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) hex = part[3..];
        }
        if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) || hex is not { Length: 64 }) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > tolerance) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, seconds!, body));
    }

    private static byte[] Mac(string secret, string seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(seconds + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
