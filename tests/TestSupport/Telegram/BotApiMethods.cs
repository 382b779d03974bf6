using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>The Bot API methods the fake implements, each answering as Telegram does for private and group chats.</summary>
internal sealed class BotApiMethods(
    BotAccount bot,
    UpdateQueue updates,
    ConcurrentDictionary<string, bool> openCallbackQueries,
    MessageMethods messageMethods,
    FileMethods fileMethods,
    RecordedLog<CommandMenu> commandMenus,
    CancellationToken serverStopping)
{
    // Telegram's Bot API server caps a long poll at 50 s whatever timeout the bot asks for.
    private const int LongPollMaxSeconds = 50;
    private static readonly string[] ScopeTypes =
        ["default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators", "chat_member"];
    private static readonly string[] ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    /// <summary>Method names are case-insensitive on Telegram; calls are recorded under these spellings.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known =
        new[] { "getMe", "getUpdates", "setWebhook", "deleteWebhook", "setMyCommands", "sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "sendChatAction", "deleteMessage", "sendPhoto", "sendDocument" }
            .ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <param name="method">One of <see cref="Known"/>.</param>
    /// <exception cref="BadBotApiRequestException">Telegram would answer 400.</exception>
    public async Task<JsonNode?> InvokeAsync(string method, BotApiRequest request, CancellationToken requestAborted) => method switch
    {
        "getMe" => bot.AsGetMeResult(),
        "getUpdates" => await GetUpdatesAsync(request, requestAborted),
        "setWebhook" => true,
        "deleteWebhook" => true,
        "setMyCommands" => SetMyCommands(request),
        "sendMessage" => messageMethods.SendMessage(request),
        "editMessageText" => messageMethods.EditMessageText(request),
        "editMessageReplyMarkup" => messageMethods.EditMessageReplyMarkup(request),
        "answerCallbackQuery" => AnswerCallbackQuery(request),
        "sendChatAction" => SendChatAction(request),
        "deleteMessage" => messageMethods.DeleteMessage(request),
        "sendPhoto" => fileMethods.SendPhoto(request),
        "sendDocument" => fileMethods.SendDocument(request),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not a known Bot API method"),
    };

    private async Task<JsonNode> GetUpdatesAsync(BotApiRequest request, CancellationToken requestAborted)
    {
        var limit = (int)Math.Clamp(request.Integer("limit") ?? 100, 1, 100);
        var wait = TimeSpan.FromSeconds(Math.Clamp(request.Integer("timeout") ?? 0, 0, LongPollMaxSeconds));
        using var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, serverStopping);
        try
        {
            return await updates.TakeAsync(request.Integer("offset"), limit, wait, stopOrAbort.Token);
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested)
        {
            return new JsonArray(); // a stopping server ends pending long polls with "no updates"
        }
    }

    private JsonNode SetMyCommands(BotApiRequest request)
    {
        request.RequiredText("commands", "parameter \"commands\" is required");
        if (request.Json("commands") is not JsonArray commands) throw new BadBotApiRequestException("can't parse commands JSON object");
        var names = commands.Select(command => (string?)command?["command"] ?? throw new BadBotApiRequestException("can't parse BotCommand")).ToList();
        var (scopeType, chatId) = ScopeOf(request);
        commandMenus.Add(new CommandMenu(scopeType, chatId, names));
        return true;
    }

    /// <summary>The scope as Telegram checks it: a known type, and a chat id for the scopes about one chat.</summary>
    private static (string Type, long? ChatId) ScopeOf(BotApiRequest request)
    {
        if (request.Json("scope") is not { } scope) return ("default", null);
        var type = (string?)scope["type"] ?? throw new BadBotApiRequestException("can't parse BotCommandScope");
        if (!ScopeTypes.Contains(type)) throw new BadBotApiRequestException("unsupported bot command scope type");
        if (type is not ("chat" or "chat_administrators" or "chat_member")) return (type, null);
        var chatId = scope["chat_id"]?.GetValue<long>() ?? throw new BadBotApiRequestException("chat_id is empty");
        return (type, chatId);
    }

    private JsonNode AnswerCallbackQuery(BotApiRequest request)
    {
        var id = request.RequiredText("callback_query_id", "parameter \"callback_query_id\" is required");
        if (!openCallbackQueries.TryRemove(id, out _))
        {
            throw new BadBotApiRequestException("query is too old and response timeout expired or query ID is invalid");
        }
        return true;
    }

    private static JsonNode SendChatAction(BotApiRequest request)
    {
        request.RequiredChatId();
        var action = request.RequiredText("action", "parameter \"action\" is required");
        if (!ChatActions.Contains(action)) throw new BadBotApiRequestException("wrong parameter action in request");
        return true;
    }
}
