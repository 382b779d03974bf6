using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// <c>/bot{token}/{method}</c>: checks the token, records the call, runs the method and answers in the
/// Bot API envelope with Telegram's status codes (401 wrong token, 404 unknown method, 400 bad request,
/// 502 while the server plays an outage, 429 beyond flood control).
/// </summary>
internal sealed class BotApiEndpoint(BotAccount bot, BotApiMethods methods, RecordedLog<BotApiCall> calls, FloodControl floodControl, Func<bool> isUnavailable)
{
    public const string Route = "/bot{token}/{method}";

    public async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = Stopwatch.GetTimestamp(); // before the body is read, so parsing is not counted
        var aborted = context.RequestAborted;
        var tokenAccepted = (string)context.Request.RouteValues["token"]! == bot.Token;
        var requested = (string)context.Request.RouteValues["method"]!;
        var method = BotApiMethods.Known.GetValueOrDefault(requested, requested);
        var request = await TryReadAsync(context.Request, aborted);
        calls.Add(new BotApiCall(method, request?.Parameters ?? new Dictionary<string, string>(), tokenAccepted) { At = arrivedAt });

        (int Code, string Description)? refusal =
            isUnavailable() ? (502, "Bad Gateway")
            : !tokenAccepted ? (401, "Unauthorized")
            : !BotApiMethods.Known.ContainsKey(method) ? (404, "Not Found")
            : request is null ? (400, "Bad Request: can't parse JSON object")
            : null;
        if (refusal is { } error)
        {
            await BotApiReply.WriteErrorAsync(context.Response, error.Code, error.Description, aborted);
            return;
        }

        if (floodControl.Check(method, ChatIdOf(request!)) is { } retryAfter)
        {
            await BotApiReply.WriteTooManyRequestsAsync(context.Response, retryAfter, aborted);
            return;
        }

        try
        {
            var result = await methods.InvokeAsync(method, request!, aborted);
            await BotApiReply.WriteOkAsync(context.Response, result, aborted);
        }
        catch (BadBotApiRequestException badRequest)
        {
            await BotApiReply.WriteErrorAsync(context.Response, 400, badRequest.Message, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The bot hung up (it is stopping); there is no one left to answer.
        }
    }

    private static long? ChatIdOf(BotApiRequest request) =>
        long.TryParse(request.Text("chat_id"), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var chatId)
            ? chatId
            : null;

    private static async Task<BotApiRequest?> TryReadAsync(HttpRequest request, CancellationToken aborted)
    {
        try
        {
            return await BotApiRequest.ReadAsync(request, aborted);
        }
        catch (Exception error) when (error is JsonException or BadBotApiRequestException)
        {
            return null;
        }
    }
}
