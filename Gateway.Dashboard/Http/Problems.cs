using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>Problem answers whose title is a sentence fit to show the person.</summary>
internal static class Problems
{
    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "Please log in.", statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(title: reason, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Unprocessable(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult TooManyRequests(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status429TooManyRequests);

    /// <summary>400 with the field at fault, the shape forms show inline.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: message);
}
