using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// A body or query the framework cannot bind (a word where a number belongs, broken JSON) answers 400
/// with the field at fault, like every other input error, instead of an empty 400.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        var field = badRequest.InnerException is JsonException { Path: { Length: > 2 } path } ? FieldName(path) : null;
        var title = field is null ? "The request could not be read. Send a JSON body as the API reference describes." : $"'{field}' has the wrong type or format.";
        context.Response.StatusCode = badRequest.StatusCode;
        var details = new HttpValidationProblemDetails(field is null ? new Dictionary<string, string[]>() : new() { [field] = [title] })
        {
            Status = badRequest.StatusCode,
            Title = title,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    // "$.userId" → "userId"; "$.lines[2].model" → "lines[2].model".
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
