using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>
/// The named 256-bit keys that encrypt stored connection strings, and which one encrypts new values.
/// Older keys stay in the ring after a rotation so values they encrypted can still be read.
/// </summary>
public sealed partial class SecretKeyRing
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private SecretKeyRing(Dictionary<string, byte[]> keys, string currentKeyId) => (_keys, CurrentKeyId) = (keys, currentKeyId);

    /// <summary>The key that encrypts new values.</summary>
    public string CurrentKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <param name="base64KeysById">Keys as base64 of exactly 32 bytes, by id (1–32 letters, digits, '-' or '_').</param>
    /// <exception cref="ArgumentException">An id or key is invalid, or <paramref name="currentKeyId"/> is not among them; the message names the id, never the key.</exception>
    public static SecretKeyRing FromKeys(IReadOnlyDictionary<string, string> base64KeysById, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(base64KeysById);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in base64KeysById)
        {
            if (!IsValidKeyId(id)) throw new ArgumentException($"Key id '{id}' is not valid: use 1 to 32 letters, digits, '-' or '_'.", nameof(base64KeysById));
            keys[id] = Decode(id, base64, nameof(base64KeysById));
        }
        if (currentKeyId is null || !keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key id '{currentKeyId}' is not one of the keys.", nameof(currentKeyId));
        }
        return new SecretKeyRing(keys, currentKeyId);
    }

    public static bool IsValidKeyId([NotNullWhen(true)] string? keyId) => keyId is not null && KeyIdPattern().IsMatch(keyId);

    internal byte[] CurrentKey => _keys[CurrentKeyId];

    internal bool TryGetKey(string keyId, [NotNullWhen(true)] out byte[]? key) => _keys.TryGetValue(keyId, out key);

    // The generated ToString of a class prints only the type; say which keys without their material.
    public override string ToString() => $"SecretKeyRing {{ CurrentKeyId = {CurrentKeyId}, KeyIds = [{string.Join(", ", _keys.Keys)}] }}";

    private static byte[] Decode(string id, string? base64, string parameterName)
    {
        var buffer = new byte[base64?.Length ?? 0];
        if (string.IsNullOrWhiteSpace(base64) || !Convert.TryFromBase64String(base64.Trim(), buffer, out var length))
        {
            throw new ArgumentException($"Key '{id}' is not valid base64 of {KeyBytes} bytes.", parameterName);
        }
        if (length != KeyBytes) throw new ArgumentException($"Key '{id}' must be {KeyBytes} bytes (256 bits) but is {length} bytes.", parameterName);
        return buffer[..KeyBytes];
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();
}
