namespace OrleansAssistant.Grains.Email;

/// <summary>
/// The SMTP account the bot sends from (Gmail by default). <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record EmailSettings
{
    public const string DefaultHost = "smtp.gmail.com";

    public string Host { get; init; } = DefaultHost;

    public int Port { get; init; } = 465;

    /// <summary>Port 465 expects TLS from the first byte; other ports upgrade with STARTTLS.</summary>
    public EmailSecurity Security { get; init; } = EmailSecurity.SslOnConnect;

    /// <summary>The login (<c>BOT_EMAIL</c>); no login is attempted when it is missing.</summary>
    public string? User { get; init; }

    /// <summary>The password or app password (<c>BOT_EMAIL_PASS</c>).</summary>
    public string? Password { get; init; }

    /// <summary>The sender address; defaults to <see cref="User"/>.</summary>
    public string? From { get; init; }

    /// <summary>The most addresses one e-mail may go to (<c>Email:MaxRecipients</c>).</summary>
    public int MaxRecipients { get; init; } = 10;

    /// <summary>When not empty, every recipient's domain must be one of these or below one (<c>Email:AllowedDomains</c>).</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>Whether <paramref name="address"/> may receive mail from this installation under <see cref="AllowedDomains"/>.</summary>
    public bool AllowsRecipient(string address)
    {
        if (AllowedDomains.Count == 0) return true;
        var at = address.LastIndexOf('@');
        if (at < 0) return false;
        var domain = address[(at + 1)..].Trim().TrimEnd('.');
        // sales.example.com is inside example.com; badexample.com is not.
        return AllowedDomains.Any(allowed => string.Equals(domain, allowed, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
    }

    public string Sender => From ?? User ?? "orleans-assistant@localhost";

    /// <summary>An account with a password, or an unauthenticated plain server someone chose on purpose (tests).</summary>
    public bool IsConfigured =>
        (!string.IsNullOrWhiteSpace(User) && !string.IsNullOrWhiteSpace(Password))
        || (Host != DefaultHost && Security == EmailSecurity.None);

    public static EmailSecurity DefaultSecurityFor(int port) => port == 465 ? EmailSecurity.SslOnConnect : EmailSecurity.StartTls;

    public override string ToString() =>
        $"EmailSettings {{ Host = {Host}, Port = {Port}, Security = {Security}, User = {User ?? "(not set)"}, " +
        $"Password = {(string.IsNullOrEmpty(Password) ? "(not set)" : "(set)")}, From = {Sender}, " +
        $"MaxRecipients = {MaxRecipients}, AllowedDomains = [{string.Join(", ", AllowedDomains)}] }}";
}
