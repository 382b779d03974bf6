using System.Security.Cryptography;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>Random dashboard passwords that survive being read off a phone and typed elsewhere.</summary>
public static class PasswordGenerator
{
    public const int Length = 16;

    /// <summary>
    /// Letters and digits without look-alikes (0/O, 1/l/I). No symbols: Telegram formatting and phone
    /// keyboards mangle punctuation. 57 characters, so 16 of them carry about 93 bits.
    /// </summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
