using System.Globalization;
using System.Security.Cryptography;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>Organization ids like <c>ORG_20261126_k3j9x2</c>: the creation date and 6 random characters.</summary>
public static class OrganizationId
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(DateTimeOffset now) =>
        $"ORG_{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}_{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
