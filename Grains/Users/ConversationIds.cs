using System.Security.Cryptography;
using System.Text;

namespace OrleansAssistant.Grains.Users;

/// <summary>
/// The conversation id of an ask: the request id itself when it fits the column (varchar(64)) and is
/// plain, else a hash of it, so the same request always lands on the same primary key.
/// </summary>
public static class ConversationIds
{
    public const int MaxLength = 64;

    public static string ForRequest(string requestId)
    {
        if (requestId.Length is > 0 and <= MaxLength && requestId.All(IsPlain)) return requestId;
        return "rq_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..(MaxLength - 3)];
    }

    /// <summary>A fresh id for an ask without a request id.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.';
}
