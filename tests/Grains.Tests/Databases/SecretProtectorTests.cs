using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

public sealed class SecretProtectorTests
{
    private const string ConnectionString = "Host=db.example.com;Database=sales;Username=sales;Password=Pr0tect-Me";
    private const string DatabaseId = "db_abc123";

    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Protect_ThenUnprotect_RoundTrips_InTheVersionedFormat()
    {
        var protector = new SecretProtector(Ring(("a", KeyA)));

        var stored = protector.Protect(ConnectionString, DatabaseId);

        Assert.StartsWith("v1:a:", stored, StringComparison.Ordinal);
        Assert.Equal(12 + ConnectionString.Length + 16, Base64Url.DecodeFromChars(stored.AsSpan("v1:a:".Length)).Length);
        Assert.DoesNotContain("Pr0tect-Me", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("db.example.com", stored, StringComparison.Ordinal);
        Assert.Equal(ConnectionString, protector.Unprotect(stored, DatabaseId));
        Assert.Equal("", protector.Unprotect(protector.Protect("", DatabaseId), DatabaseId));
    }

    [Fact]
    public void Protect_SameTextTwice_DiffersByNonce()
    {
        var protector = new SecretProtector(Ring(("a", KeyA)));

        Assert.NotEqual(protector.Protect(ConnectionString, DatabaseId), protector.Protect(ConnectionString, DatabaseId));
    }

    [Fact]
    public void Unprotect_AnyFlippedByte_IsUnreadable()
    {
        var protector = new SecretProtector(Ring(("a", KeyA)));
        var stored = protector.Protect(ConnectionString, DatabaseId);
        var sealedBytes = Base64Url.DecodeFromChars(stored.AsSpan("v1:a:".Length));

        // Nonce, ciphertext and tag: every part is authenticated.
        foreach (var index in new[] { 0, 11, 12, sealedBytes.Length - 17, sealedBytes.Length - 1 })
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[index] ^= 0x01;
            var error = Assert.Throws<SecretUnreadableException>(() => protector.Unprotect("v1:a:" + Base64Url.EncodeToString(tampered), DatabaseId));
            Assert.DoesNotContain("Pr0tect-Me", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unprotect_WithOtherAssociatedData_IsUnreadable()
    {
        var protector = new SecretProtector(Ring(("a", KeyA)));
        var stored = protector.Protect(ConnectionString, DatabaseId);

        Assert.Throws<SecretUnreadableException>(() => protector.Unprotect(stored, "db_other"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not protected")]
    [InlineData("v2:a:AAAA")]
    [InlineData("v1:a:")]
    [InlineData("v1:a:!!!")]
    [InlineData("v1:a:AAAA")]
    [InlineData("v1:bad id:AAAA")]
    [InlineData("v1:a:AAAA:extra")]
    public void Unprotect_MalformedValue_IsUnreadable(string stored)
    {
        var protector = new SecretProtector(Ring(("a", KeyA)));

        Assert.Throws<SecretUnreadableException>(() => protector.Unprotect(stored, DatabaseId));
    }

    [Fact]
    public void Rotation_OldKeyStillReads_AndAsksForReprotection()
    {
        var stored = new SecretProtector(Ring(("a", KeyA))).Protect(ConnectionString, DatabaseId);
        var rotated = new SecretProtector(SecretKeyRing.FromKeys(new Dictionary<string, string> { ["a"] = KeyA, ["b"] = KeyB }, "b"));

        Assert.Equal(ConnectionString, rotated.Unprotect(stored, DatabaseId));
        Assert.True(rotated.NeedsReprotection(stored));
        var reprotected = rotated.Protect(rotated.Unprotect(stored, DatabaseId), DatabaseId);
        Assert.StartsWith("v1:b:", reprotected, StringComparison.Ordinal);
        Assert.False(rotated.NeedsReprotection(reprotected));
    }

    [Fact]
    public void Rotation_RingWithoutTheOldKey_IsUnreadable()
    {
        var stored = new SecretProtector(Ring(("a", KeyA))).Protect(ConnectionString, DatabaseId);
        var withoutA = new SecretProtector(Ring(("b", KeyB)));

        var error = Assert.Throws<SecretUnreadableException>(() => withoutA.Unprotect(stored, DatabaseId));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_SameIdWithAnotherKey_IsUnreadable()
    {
        var stored = new SecretProtector(Ring(("a", KeyA))).Protect(ConnectionString, DatabaseId);

        Assert.Throws<SecretUnreadableException>(() => new SecretProtector(Ring(("a", KeyB))).Unprotect(stored, DatabaseId));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:id")]
    [InlineData("")]
    [InlineData("k123456789012345678901234567890123")]
    public void KeyRing_InvalidKeyId_IsRefusedNamingTheId(string keyId)
    {
        var error = Assert.Throws<ArgumentException>(() => Ring((keyId, KeyA)));

        Assert.Contains($"'{keyId}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyRing_WrongKeyLengthOrBase64_IsRefusedWithoutKeyMaterial()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var longKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

        foreach (var key in new[] { shortKey, longKey, "not base64 at all!", "" })
        {
            var error = Assert.Throws<ArgumentException>(() => Ring(("k1", key)));
            Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
            if (key.Length > 0) Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void KeyRing_CurrentIdNotAmongTheKeys_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => SecretKeyRing.FromKeys(new Dictionary<string, string> { ["a"] = KeyA }, "b"));

        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, error.Message + Ring(("a", KeyA)), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_IsCreatedOwnerOnly_LoggedOnce_AndReused()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "keys", "secret-keys.json");
        var logger = new SecretRecordingLogger();

        var created = SecretKeyFile.LoadOrCreate(path, logger);
        var reloaded = SecretKeyFile.LoadOrCreate(path, logger);

        Assert.Matches("^k[0-9]{8}[a-z0-9]{4}$", created.CurrentKeyId);
        Assert.Equal(created.CurrentKeyId, reloaded.CurrentKeyId);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(created.CurrentKeyId, json.RootElement.GetProperty("currentKeyId").GetString());
        var key = json.RootElement.GetProperty("keys").GetProperty(created.CurrentKeyId).GetString()!;
        Assert.Equal(32, Convert.FromBase64String(key).Length);

        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Equal($"Generated a new encryption key for stored connection strings at {path}; back it up: without it the stored connection strings cannot be read.", line.Message);
        Assert.DoesNotContain(key, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_ReusedKey_ReadsWhatTheFirstLoadProtected()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "secret-keys.json");
        var stored = new SecretProtector(SecretKeyFile.LoadOrCreate(path, new SecretRecordingLogger())).Protect(ConnectionString, DatabaseId);

        var afterRestart = new SecretProtector(SecretKeyFile.LoadOrCreate(path, new SecretRecordingLogger()));

        Assert.Equal(ConnectionString, afterRestart.Unprotect(stored, DatabaseId));
        Assert.DoesNotContain("Pr0tect-Me", File.ReadAllText(path) + stored, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_Corrupt_FailsNamingThePathOnly()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "secret-keys.json");
        File.WriteAllText(path, """{"currentKeyId": "a", "keys": {"a": "c2hvcnQ="}}""");

        var error = Assert.Throws<InvalidDataException>(() => SecretKeyFile.LoadOrCreate(path, new SecretRecordingLogger()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", error.Message, StringComparison.Ordinal);
    }

    private static SecretKeyRing Ring((string Id, string Key) key) =>
        SecretKeyRing.FromKeys(new Dictionary<string, string> { [key.Id] = key.Key }, key.Id);
}
