using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Models;

/// <summary><c>POST {prefix}chat/completions</c>: records the request, then answers with the script's next reply.</summary>
internal sealed class ChatCompletionsEndpoint(ModelScript script, Action<RecordedModelRequest> record, Func<EndpointStrictness> strictness, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        // Held requests end when the client hangs up or the server stops, whichever comes first.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var aborted = ending.Token;
        var request = await ReadAsync(context.Request, aborted);
        record(request);
        if (StrictRequestCheck.Refusal(strictness(), request) is { } refusal)
        {
            // Refused before the script is consulted, as a real endpoint refuses before any generation.
            await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status400BadRequest, refusal, aborted);
            return;
        }
        try
        {
            var step = script.Next(request);
            while (step.Reply is null)
            {
                // A pause holds this request, then it takes whatever is next in the script.
                await (step.Until?.WaitAsync(aborted) ?? Task.Delay(step.Pause, aborted));
                step = script.Next(request);
            }
            if (step.Reply.Delay > TimeSpan.Zero) await Task.Delay(step.Reply.Delay, aborted);
            await step.Reply.WriteAsync(context.Response, request.Model, aborted);
            await context.Response.CompleteAsync();
            request.MarkReplied();
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout) or the server stops; the script keeps its next reply.
        }
    }

    /// <summary>Any other path: recorded, and refused with 404 so a wrong base URL shows at once.</summary>
    public async Task HandleUnknownAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        record(await ReadAsync(context.Request, aborted));
        var message = $"FakeModelServer: no endpoint {context.Request.Method} {context.Request.Path}.";
        await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status404NotFound, ChatCompletionBodies.Error(404, message), aborted);
    }

    private static async Task<RecordedModelRequest> ReadAsync(HttpRequest request, CancellationToken aborted)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(aborted);
        var authorization = request.Headers.Authorization;
        return new RecordedModelRequest(request.Path.Value ?? "", body, authorization.Count == 0 ? null : authorization.ToString());
    }
}
