using System.Globalization;
using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// A press of [CSV] [Excel] [JSON]: the answer's grain runs its SQL again (access checked again, its own row cap)
/// and the file goes into the chat as a document. Anything else is a toast on the button.
/// </summary>
internal sealed class ExportPress(IGrainFactory grains, BotReplies replies)
{
    public async Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken)
    {
        if (!AnswerButtons.TryReadExport(data, out var format, out var conversationId))
        {
            await ToastAsync(query, "This button no longer works.", cancellationToken);
            return;
        }
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        // The spinner stops at once; a large export takes a moment, and the document says it is there.
        await ToastAsync(query, $"Preparing the {Label(format)} file…", cancellationToken);
        var export = await grains.GetGrain<IAnswerExportGrain>(AnswerExports.KeyOf(conversationId))
            .ExportAsync(query.From.Id, format, ExportDelivery.Chat);
        if (export.Status == ExportStatus.Duplicate) return;
        if (export.Status != ExportStatus.Ready)
        {
            await replies.SendAsync(chatId, Texts.Html(Problem(export)), cancellationToken);
            return;
        }
        await using var file = new MemoryStream(export.File!, writable: false);
        await replies.Bot.SendDocument(chatId, InputFile.FromStream(file, export.FileName), caption: Caption(export),
            replyParameters: query.Message is { } answer ? new ReplyParameters { MessageId = answer.Id, AllowSendingWithoutReply = true } : null,
            cancellationToken: cancellationToken);
    }

    private static string Caption(ExportResult export) => export.Truncated
        ? string.Create(CultureInfo.InvariantCulture, $"The first {export.Rows:#,0} rows (the export limit); the result has more.")
        : string.Create(CultureInfo.InvariantCulture, $"{export.Rows:#,0} rows.");

    private static string Problem(ExportResult export) => export.Status switch
    {
        ExportStatus.Expired => "This answer is more than 24 hours old, so its files are no longer made: ask the question again.",
        ExportStatus.NoRows => "This answer has no rows to put in a file.",
        ExportStatus.AccessDenied => "You can no longer use the database this answer came from, so no file was made.",
        ExportStatus.DatabaseUnavailable => "The database is unavailable right now, so no file was made. Try again later.",
        ExportStatus.QueryFailed => $"The database could not run the answer's query again, so no file was made: {export.Problem}",
        ExportStatus.TooLarge => string.Create(CultureInfo.InvariantCulture,
            $"The file would be {export.Bytes / 1048576.0:0.0} MB, more than Telegram's 50 MB for a bot: ask for fewer rows or columns."),
        _ => "Only the person who asked can download this answer's data.",
    };

    private static string Label(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "Excel",
        _ => format.ToString().ToUpperInvariant(),
    };

    private Task ToastAsync(CallbackQuery query, string text, CancellationToken cancellationToken) =>
        replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(text), cancellationToken: cancellationToken);
}
