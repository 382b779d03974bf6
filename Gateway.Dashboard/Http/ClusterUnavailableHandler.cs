using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// When the cluster cannot answer (a silo just died, the gateway lost its connection) the page gets a
/// 503 it can explain, instead of a bare 500; other errors stay 500 with no details leaked.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = exception is ClusterUnavailableException or OrleansException || TransientClusterErrors.IsTransient(exception);
        LogFailed(logger, context.Request.Method, context.Request.Path, exception);
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = unavailable
                    ? "The service is busy for a moment. Please try again in a few seconds."
                    : "Something went wrong on our side. Please try again.",
            },
        });
    }

    [LoggerMessage(1, LogLevel.Error, "Dashboard request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, PathString path, Exception exception);
}
