using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>The Bot API methods the fake implements, each answering as Telegram does for private and group chats.</summary>
internal sealed class BotApiMethods(
    BotAccount bot,
    UpdateQueue updates,
    ConcurrentDictionary<string, bool> openCallbackQueries,
    MessageMethods messageMethods,
    CancellationToken serverStopping)
{
    // Telegram's Bot API server caps a long poll at 50 s whatever timeout the bot asks for.
    private const int LongPollMaxSeconds = 50;
    private static readonly string[] ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    /// <summary>Method names are case-insensitive on Telegram; calls are recorded under these spellings.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known =
        new[] { "getMe", "getUpdates", "setWebhook", "deleteWebhook", "setMyCommands", "sendMessage", "editMessageText", "answerCallbackQuery", "sendChatAction", "deleteMessage" }
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
        "answerCallbackQuery" => AnswerCallbackQuery(request),
        "sendChatAction" => SendChatAction(request),
        "deleteMessage" => messageMethods.DeleteMessage(request),
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

    private static JsonNode SetMyCommands(BotApiRequest request)
    {
        request.RequiredText("commands", "parameter \"commands\" is required");
        if (request.Json("commands") is not JsonArray) throw new BadBotApiRequestException("can't parse commands JSON object");
        return true;
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
