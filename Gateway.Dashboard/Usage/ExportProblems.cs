using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Usage;

/// <summary>Why an answer's file cannot be downloaded, in words for the person and the matching status.</summary>
internal static class ExportProblems
{
    public static ProblemHttpResult Of(ExportResult export) => export.Status switch
    {
        ExportStatus.Expired => Problem(StatusCodes.Status410Gone, "This answer is more than 24 hours old; ask the question again to download its data."),
        ExportStatus.NoRows => Problem(StatusCodes.Status404NotFound, "This answer has no rows to download."),
        ExportStatus.AccessDenied => Problem(StatusCodes.Status403Forbidden, "You can no longer use the database this answer came from."),
        ExportStatus.DatabaseUnavailable => Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable right now; try again later."),
        ExportStatus.QueryFailed => Problem(StatusCodes.Status502BadGateway, $"The database could not run the answer's query again: {export.Problem}"),
        ExportStatus.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "The file would be larger than 50 MB; ask for fewer rows."),
        _ => Problem(StatusCodes.Status404NotFound, "No such answer."),
    };

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
