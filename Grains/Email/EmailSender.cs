using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OrleansAssistant.Grains.Email;

/// <summary>Sends one e-mail over SMTP with MailKit: a fresh connection per message, as the outbox sends few.</summary>
public sealed class EmailSender(EmailSettings settings, EmailDeliveryOptions options)
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.Sender));
        foreach (var address in email.To) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };

        using var client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await QuitAsync(client, cancellationToken);
    }

    // The server has accepted the message; a failed goodbye must not make the outbox send it again.
    private static async Task QuitAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try { await client.DisconnectAsync(quit: true, cancellationToken); }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or SmtpCommandException) { }
    }

    private static SecureSocketOptions SocketOptions(EmailSecurity security) => security switch
    {
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
