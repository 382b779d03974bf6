using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>Why a change to a library (or a trial run) did not happen, in words for the person and the matching status.</summary>
internal static class CurationAnswers
{
    /// <param name="action">What the SQL was for, to finish "only statements that read data can …".</param>
    public static IResult Refusal(CurationResult result, string action = "be verified") => result.Status switch
    {
        CurationStatus.NotAllowed => Problems.Forbidden("Only the organization's owner may change this database's verified library."),
        CurationStatus.NotFound => Problems.NotFound("This database's library has no example with that id."),
        CurationStatus.Invalid => Invalid(result.Problem),
        CurationStatus.SqlRefused => Problems.Unprocessable($"Only statements that read data can {action}: {result.Problem}"),
        CurationStatus.SqlFailed => Problems.Unprocessable($"The database could not run this SQL: {result.Problem}"),
        CurationStatus.DatabaseUnavailable => TypedResults.Problem(title: "The database cannot be reached right now; try again in a moment.",
                                                                   statusCode: StatusCodes.Status503ServiceUnavailable),
        CurationStatus.LibraryFull => Problems.Conflict("This database's library is full; remove examples that are no longer needed first."),
        _ => TypedResults.Problem(title: "The library could not be changed. Please try again.", statusCode: StatusCodes.Status500InternalServerError),
    };

    /// <summary>The grain names the field at fault; the sentence says what the field needs.</summary>
    public static ValidationProblem Invalid(string? field)
    {
        var name = string.IsNullOrWhiteSpace(field) ? "body" : field;
        // "[2].meaning" is judged by its last part.
        var message = name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant() switch
        {
            "question" => "Write the question in words; it must not be empty or too long.",
            "sql" => "Write one SQL statement; it must not be empty or too long.",
            "notes" => "The notes are too long.",
            "termcharacters" => NameSafety.Refusal("glossary term"),
            "glossary" or "term" or "meaning" or "entries" =>
                "Each glossary line needs a term and its meaning, within the length limits, and each term only once.",
            _ => $"'{name}' is empty, too long or not well formed.",
        };
        return Problems.Invalid(name, message);
    }
}
