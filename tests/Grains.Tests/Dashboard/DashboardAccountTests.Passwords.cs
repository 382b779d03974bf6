using System.Globalization;
using System.Security.Cryptography;
using OrleansAssistant.Grains.Dashboard;

namespace OrleansAssistant.Grains.Tests.Dashboard;

public sealed partial class DashboardAccountTests
{
    private const int LegacyIterations = 100_000;

    [Fact]
    public void Hash_ThenVerify_RoundTripsInTheVersionedFormat()
    {
        var hash = PasswordHasher.Hash("correct horse");

        var parts = hash.Split('$');
        Assert.Equal(5, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("v1", parts[1]);
        Assert.True(int.Parse(parts[2], CultureInfo.InvariantCulture) >= 600_000);
        Assert.Equal(16, Convert.FromBase64String(parts[3]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[4]).Length);
        Assert.True(PasswordHasher.Verify("correct horse", hash));
    }

    [Fact]
    public void Verify_WrongPassword_IsFalse()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.False(PasswordHasher.Verify("correct horse ", hash));
        Assert.False(PasswordHasher.Verify("", hash));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt()
    {
        Assert.NotEqual(PasswordHasher.Hash("same"), PasswordHasher.Hash("same"));
    }

    [Fact]
    public void Verify_MalformedOrTamperedHash_IsFalseWithoutThrowing()
    {
        var parts = PasswordHasher.Hash("pw").Split('$');
        string With(int index, string value) => string.Join('$', parts.Select((part, i) => i == index ? value : part));
        var flippedHash = Convert.FromBase64String(parts[4]);
        flippedHash[0] ^= 1;
        string[] broken =
        [
            "", "not a hash", "$$$$", string.Join('$', parts.Take(4)), string.Join('$', parts) + "$extra",
            With(0, "pbkdf2-sha1"), With(1, "v2"), With(2, "0"), With(2, "-600000"), With(2, "six"),
            With(2, "2000000000"), With(2, "99999999999"), With(3, "!!notbase64!!"),
            With(3, Convert.ToBase64String(new byte[8])), With(4, Convert.ToBase64String(new byte[31])),
            With(4, Convert.ToBase64String(flippedHash)),
        ];

        Assert.All(broken, storedHash => Assert.False(PasswordHasher.Verify("pw", storedHash)));
        Assert.False(PasswordHasher.Verify("pw", null!));
    }

    [Fact]
    public void NeedsRehash_LowerIterationCount_IsTrueButStillVerifies()
    {
        var legacy = LegacyHash("pw", LegacyIterations);

        Assert.True(PasswordHasher.NeedsRehash(legacy));
        Assert.True(PasswordHasher.Verify("pw", legacy));
        Assert.False(PasswordHasher.NeedsRehash(PasswordHasher.Hash("pw")));
    }

    [Fact]
    public void Verify_ComparesWithFixedTimeEquals()
    {
        var calls = IlCalls.Reachable(typeof(PasswordHasher).GetMethod(nameof(PasswordHasher.Verify))!);

        Assert.Contains(calls, call => call.DeclaringType == typeof(CryptographicOperations)
            && call.Name == nameof(CryptographicOperations.FixedTimeEquals));
        Assert.DoesNotContain(calls, call => call.Name == "SequenceEqual");
    }

    [Fact]
    public void NewPassword_Is16CharactersFromTheAlphabetAndNeverRepeats()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.New()).ToList();

        Assert.All(passwords, password =>
        {
            Assert.Equal(16, password.Length);
            Assert.All(password, character => Assert.Contains(character, PasswordGenerator.Alphabet));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void Alphabet_HasLettersAndDigitsButNoLookAlikes()
    {
        Assert.All("0O1lI", lookAlike => Assert.DoesNotContain(lookAlike, PasswordGenerator.Alphabet));
        Assert.Contains(PasswordGenerator.Alphabet, char.IsAsciiLetterUpper);
        Assert.Contains(PasswordGenerator.Alphabet, char.IsAsciiLetterLower);
        Assert.Contains(PasswordGenerator.Alphabet, char.IsAsciiDigit);
        Assert.Equal(PasswordGenerator.Alphabet.Length, PasswordGenerator.Alphabet.Distinct().Count());
    }

    /// <summary>A hash in our format made the way an older, cheaper setting would have made it.</summary>
    private static string LegacyHash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture,
            $"pbkdf2-sha256$v1${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }
}
