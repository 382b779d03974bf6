using MailKit.Net.Smtp;

namespace OrleansAssistant.Grains.Email;

/// <summary>Why a send failed, in one line fit for the table and the log (MailKit never puts the password in it).</summary>
internal static class SendFailure
{
    private const int MaxLength = 500;

    public static string Describe(Exception error)
    {
        var text = error switch
        {
            SmtpCommandException refused => $"SMTP {(int)refused.StatusCode}: {refused.Message}",
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
