using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>How a drafted e-mail looks before the user confirms sending it.</summary>
public static class EmailPreview
{
    /// <summary>
    /// HTML with the recipients, the subject and the body in a block quote. A long body can exceed
    /// one message: pass the result through <see cref="MessageSplitter.Split"/> before sending.
    /// </summary>
    public static string Render(EmailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var recipients = draft.To.Count == 0 ? "(no recipients)" : string.Join(", ", draft.To);
        // An empty block quote would show nothing at all; a missing body is worth pointing out.
        var body = string.IsNullOrWhiteSpace(draft.Body) ? "(empty)" : draft.Body;
        return "<b>E-mail draft</b>\n"
            + $"<b>To:</b> {TelegramHtml.Escape(recipients)}\n"
            + $"<b>Subject:</b> {TelegramHtml.Escape(draft.Subject)}\n\n"
            + $"<blockquote>{TelegramHtml.Escape(body)}</blockquote>";
    }
}
