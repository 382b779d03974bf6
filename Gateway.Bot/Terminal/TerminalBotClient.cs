using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// A Bot API that is the terminal: the gateway's requests are printed, and answered with the objects
/// Telegram would return, so the unchanged router can run without a token.
/// </summary>
internal sealed class TerminalBotClient(TerminalScreen screen, TerminalUser user, TimeProvider time) : ITelegramBotClient
{
    public static readonly User Me = new() { Id = 1, IsBot = true, FirstName = "Terminal bot", Username = "terminal_bot" };

    // Bot and user messages share one numbering per chat, as on Telegram.
    private int _lastMessageId;

    public long BotId => Me.Id;

    public bool LocalBotServer => false;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

    // Nothing goes over HTTP, so there is nothing to observe.
    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }

    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

    public int NextMessageId() => Interlocked.Increment(ref _lastMessageId);

    public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        object response = request switch
        {
            SendMessageRequest { ReplyMarkup: ForceReplyMarkup } prompt => AwaitReply(Show(prompt.ChatId, NextMessageId(), prompt.Text, prompt.ParseMode, null, "")),
            SendMessageRequest send => Show(send.ChatId, NextMessageId(), send.Text, send.ParseMode, send.ReplyMarkup as InlineKeyboardMarkup, ""),
            EditMessageTextRequest edit => Show(edit.ChatId, edit.MessageId, edit.Text, edit.ParseMode, edit.ReplyMarkup, "↻ "),
            EditMessageReplyMarkupRequest edit => ShowKeyboard(edit.ChatId, edit.MessageId, edit.ReplyMarkup),
            SendChatActionRequest action => Note($"… {action.Action.ToString().ToLowerInvariant()}"),
            AnswerCallbackQueryRequest answer => answer.Text is { Length: > 0 } text ? Note($"({text})") : true,
            DeleteMessageRequest => Note("(a message was deleted)"),
            SetMyCommandsRequest => true,
            SendPhotoRequest photo => SaveFile(photo.ChatId, photo.Photo, photo.Caption, "chart"),
            SendDocumentRequest document => SaveFile(document.ChatId, document.Document, document.Caption, "file"),
            GetMeRequest => Me,
            _ => throw new ApiRequestException($"{request.MethodName} is not available in terminal chat", 400),
        };
        return Task.FromResult((TResponse)response);
    }

    public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Terminal chat has no files.");

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Terminal chat has no files.");

    private Message Show(ChatId chatId, int messageId, string? text, ParseMode parseMode, InlineKeyboardMarkup? keyboard, string prefix)
    {
        var message = MessageOf(chatId, messageId, parseMode == ParseMode.Html ? PlainText.FromHtml(text ?? "") : text, keyboard);
        screen.ShowMessage(message, prefix);
        return message;
    }

    /// <summary>A keyboard changed in place ([More ▾], a marked verdict): its new buttons are printed and become the ones <c>#n</c> presses.</summary>
    private Message ShowKeyboard(ChatId chatId, int messageId, InlineKeyboardMarkup? keyboard)
    {
        var message = MessageOf(chatId, messageId, null, keyboard);
        screen.ShowKeyboard(message);
        return message;
    }

    private Message MessageOf(ChatId chatId, int messageId, string? text, InlineKeyboardMarkup? keyboard)
    {
        var id = chatId.Identifier ?? throw new ApiRequestException("Terminal chat knows chats by number only", 400);
        return new Message
        {
            Id = messageId,
            Date = time.GetUtcNow().UtcDateTime,
            Chat = new Chat { Id = id, Type = id > 0 ? ChatType.Private : ChatType.Group },
            From = Me,
            Text = text,
            ReplyMarkup = keyboard,
        };
    }

    /// <summary>A prompt sent with ForceReply: the next line typed answers it, as Telegram's reply field would.</summary>
    private Message AwaitReply(Message prompt)
    {
        screen.AwaitReply(prompt);
        return prompt;
    }

    /// <summary>Charts and exports have no screen to show on: they are written to the files folder and their path printed.</summary>
    private Message SaveFile(ChatId chatId, InputFile file, string? caption, string what)
    {
        if (file is not InputFileStream upload) throw new ApiRequestException("Terminal chat only takes uploaded files", 400);
        Directory.CreateDirectory(user.FilesFolder);
        var name = Path.GetFileName(upload.FileName ?? what);
        var path = Path.Combine(user.FilesFolder, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{name}");
        using (var target = File.Create(path)) upload.Content.CopyTo(target);
        var message = Show(chatId, NextMessageId(), caption is { Length: > 0 } ? caption : name, ParseMode.Html, null, "");
        Note($"({what} saved to {path})");
        return message;
    }

    private bool Note(string line)
    {
        screen.ShowNote(line);
        return true;
    }
}
