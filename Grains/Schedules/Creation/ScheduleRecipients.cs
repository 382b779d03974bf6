using MimeKit;

namespace OrleansAssistant.Grains.Schedules.Creation;

/// <summary>The e-mail recipients of a schedule, held to what an e-mail draft accepts: plain addresses, and not too many.</summary>
public static class ScheduleRecipients
{
    /// <summary>The most recipients one schedule mails: a report to a team, not a mailing list.</summary>
    public const int Max = 10;

    /// <returns>Null when every address is accepted; otherwise the first refused one (for too many: the first beyond <see cref="Max"/>).</returns>
    public static string? FirstRefused(IReadOnlyList<string>? addresses)
    {
        if (addresses is null) return null;
        var refused = addresses.FirstOrDefault(address => !IsMailbox(address));
        if (refused is not null) return refused;
        var distinct = addresses.Select(address => address.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return distinct.Length > Max ? distinct[Max] : null;
    }

    /// <summary>The addresses as stored: trimmed, each once.</summary>
    public static IReadOnlyList<string> Normalized(IReadOnlyList<string>? addresses) =>
        addresses is null ? [] : [.. addresses.Select(address => address.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    // A bare address only ("ann@example.com"): no display name, and no comma, which the stored column separates on.
    private static bool IsMailbox(string? address) =>
        address is not null && !address.Contains(',', StringComparison.Ordinal)
        && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) && mailbox.Address == address.Trim();
}
