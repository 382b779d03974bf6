namespace OrleansAssistant.Grains.Email;

/// <summary>How the SMTP connection is secured; <see cref="None"/> is for local test servers only.</summary>
public enum EmailSecurity
{
    Auto,
    SslOnConnect,
    StartTls,
    None,
}
