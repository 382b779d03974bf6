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

    public string Sender => From ?? User ?? "orleans-assistant@localhost";

    /// <summary>An account with a password, or an unauthenticated plain server someone chose on purpose (tests).</summary>
    public bool IsConfigured =>
        (!string.IsNullOrWhiteSpace(User) && !string.IsNullOrWhiteSpace(Password))
        || (Host != DefaultHost && Security == EmailSecurity.None);

    public static EmailSecurity DefaultSecurityFor(int port) => port == 465 ? EmailSecurity.SslOnConnect : EmailSecurity.StartTls;

    public override string ToString() =>
        $"EmailSettings {{ Host = {Host}, Port = {Port}, Security = {Security}, User = {User ?? "(not set)"}, " +
        $"Password = {(string.IsNullOrEmpty(Password) ? "(not set)" : "(set)")}, From = {Sender} }}";
}
