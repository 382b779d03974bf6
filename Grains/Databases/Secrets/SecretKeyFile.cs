using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>
/// A key ring kept in a small JSON file, for installations that configure no keys: created with one
/// fresh key on first start, readable by its owner only, and reused on every later start.
/// </summary>
public static class SecretKeyFile
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="InvalidDataException">The file exists but holds no valid key ring; the message names the path only.</exception>
    public static SecretKeyRing LoadOrCreate(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        path = Path.GetFullPath(path);
        if (File.Exists(path)) return Load(path);

        var keyId = "k" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString(IdAlphabet, 4);
        var key = RandomNumberGenerator.GetBytes(SecretKeyRing.KeyBytes);
        var content = new SecretKeyFileContent(keyId, new Dictionary<string, string> { [keyId] = Convert.ToBase64String(key) });
        CryptographicOperations.ZeroMemory(key);
        if (!TryCreate(path, content)) return Load(path); // another silo sharing the folder was first: use its key

        logger.KeyGenerated(path);
        return SecretKeyRing.FromKeys(content.Keys, content.CurrentKeyId);
    }

    private static SecretKeyRing Load(string path)
    {
        try
        {
            var content = JsonSerializer.Deserialize<SecretKeyFileContent>(File.ReadAllText(path), Json);
            if (content?.Keys is null || content.CurrentKeyId is null) throw new InvalidDataException($"The key file {path} holds no keys.");
            return SecretKeyRing.FromKeys(content.Keys, content.CurrentKeyId);
        }
        // JSON errors may quote the file's text; the ring's errors name a key id at most.
        catch (JsonException error)
        {
            throw new InvalidDataException($"The key file {path} is not valid JSON.", error);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"The key file {path} is not usable: {error.Message}", error);
        }
    }

    /// <summary>Writes a temporary file and moves it into place, so the key file is never seen half-written.</summary>
    /// <returns>False when the file appeared meanwhile.</returns>
    private static bool TryCreate(string path, SecretKeyFileContent content)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            // Owner-only from its first byte, not just after a chmod.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, content, Json);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
