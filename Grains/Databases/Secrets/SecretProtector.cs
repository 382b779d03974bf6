using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM as <c>v1:&lt;keyId&gt;:&lt;base64url(nonce | ciphertext | tag)&gt;</c>.
/// The associated data (e.g. the database id) is authenticated, not stored: a value copied to another
/// record does not decrypt there. The key id travels with the value, so rotated-out keys still read.
/// </summary>
public sealed class SecretProtector(SecretKeyRing ring)
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Protect(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(ring.CurrentKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(associatedData));
        CryptographicOperations.ZeroMemory(plain);
        return $"{Version}:{ring.CurrentKeyId}:{Base64Url.EncodeToString(sealedBytes)}";
    }

    /// <exception cref="SecretUnreadableException">Unknown key, other associated data, altered or malformed value.</exception>
    public string Unprotect(string protectedValue, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        var (keyId, payload) = Split(protectedValue);
        if (!ring.TryGetKey(keyId, out var key))
        {
            throw new SecretUnreadableException($"The stored secret was encrypted with key '{keyId}', which is not in the key ring.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException error)
        {
            throw new SecretUnreadableException("The stored secret is not in the expected format.", error);
        }
        if (sealedBytes.Length < NonceBytes + TagBytes) throw new SecretUnreadableException("The stored secret is not in the expected format.");

        var cipherLength = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, cipherLength), sealedBytes.AsSpan(NonceBytes + cipherLength), plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (CryptographicException error)
        {
            throw new SecretUnreadableException("The stored secret could not be decrypted: it was altered or belongs to another record.", error);
        }
        var plaintext = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return plaintext;
    }

    /// <summary>True when the value was encrypted with an older key and should be encrypted again with the current one.</summary>
    /// <exception cref="SecretUnreadableException">The value is malformed.</exception>
    public bool NeedsReprotection(string protectedValue) => !string.Equals(Split(protectedValue).KeyId, ring.CurrentKeyId, StringComparison.Ordinal);

    private static (string KeyId, string Payload) Split(string protectedValue)
    {
        var parts = (protectedValue ?? "").Split(':');
        if (parts.Length != 3 || parts[0] != Version || !SecretKeyRing.IsValidKeyId(parts[1]) || parts[2].Length == 0)
        {
            throw new SecretUnreadableException("The stored secret is not in the expected format.");
        }
        return (parts[1], parts[2]);
    }
}
