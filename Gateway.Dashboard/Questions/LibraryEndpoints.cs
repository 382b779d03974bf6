using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>
/// A database's verified library: examples the owner checked (question + SQL) and the glossary. The filter admits
/// owners only; each handler then finds the database in the caller's organization and asks the policy whether the
/// caller may curate it, and the library grain checks the caller's principal once more.
/// </summary>
internal static class LibraryEndpoints
{
    private const int MaxConversationIdLength = 64;

    public static void MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/databases/{databaseId}");
        library.MapGet("/library", ViewAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("The database's verified examples (broken ones with their reason) and its glossary.")
            .Produces<LibraryPage>().ProducesProblem(StatusCodes.Status404NotFound);
        library.MapPost("/library/try", TryAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("Run SQL through the guarded, read-only path and show its first rows; nothing is saved.")
            .Produces<TrialRows>().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        library.MapPost("/library", VerifyAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("Save a question and its SQL as a verified example (the SQL is checked and run once first).")
            .Produces<ExampleSaved>(StatusCodes.Status201Created).Produces<ExampleSaved>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        library.MapPut("/library/{exampleId}", UpdateAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("Replace an example's question, SQL and notes (checked like a new one); clears its broken mark.")
            .Produces<ExampleSaved>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        library.MapDelete("/library/{exampleId}", RemoveAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("Remove an example from the library.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        library.MapPut("/glossary", SetGlossaryAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("Replace the database's glossary: business terms and what they mean here.")
            .Produces<GlossaryPage>();
    }

    private static async Task<IResult> ViewAsync(string databaseId, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        var view = await database!.Library.ViewAsync(caller.Principal);
        if (view is null) return CurationAnswers.Refusal(new CurationResult(CurationStatus.NotAllowed));
        return TypedResults.Ok(new LibraryPage(database.Info.DatabaseId, database.Info.Name, view.Examples, view.Glossary));
    }

    private static async Task<IResult> TryAsync(string databaseId, TrialRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(request?.Sql)) return CurationAnswers.Invalid("sql");
        var result = await database!.Library.TryAsync(caller.Principal, request.Sql);
        return result.Succeeded ? TypedResults.Ok(TrialRows.From(result.Preview)) : CurationAnswers.Refusal(result, "run");
    }

    private static async Task<IResult> VerifyAsync(string databaseId, ExampleRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        if (DraftProblem(request) is { } invalid) return invalid;
        if (request!.ConversationId is { Length: > 0 } conversationId && !await IsQuestionOnAsync(conversationId, databaseId, caller, grains))
        {
            // Another organization's question, or one asked of another database, reads as unknown.
            return Problems.NotFound("Your organization has no question with that id on this database.");
        }
        var result = await database!.Library.VerifyAsync(caller.Principal, Draft(request));
        return result.Status switch
        {
            CurationStatus.Saved => TypedResults.Created(ExamplePath(databaseId, result.Example), Saved(result)),
            CurationStatus.AlreadyVerified => TypedResults.Ok(Saved(result)),
            _ => CurationAnswers.Refusal(result),
        };
    }

    private static async Task<IResult> UpdateAsync(string databaseId, string exampleId, ExampleRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        if (ExampleId(exampleId) is not { } id) return Problems.Invalid("exampleId", "The example id is a whole number.");
        if (DraftProblem(request) is { } invalid) return invalid;
        var result = await database!.Library.UpdateAsync(caller.Principal, id, Draft(request! with { ConversationId = null }));
        return result.Succeeded ? TypedResults.Ok(Saved(result)) : CurationAnswers.Refusal(result);
    }

    private static async Task<IResult> RemoveAsync(string databaseId, string exampleId, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        if (ExampleId(exampleId) is not { } id) return Problems.Invalid("exampleId", "The example id is a whole number.");
        var result = await database!.Library.RemoveAsync(caller.Principal, id);
        return result.Succeeded ? TypedResults.NoContent() : CurationAnswers.Refusal(result);
    }

    private static async Task<IResult> SetGlossaryAsync(string databaseId, [FromBody] IReadOnlyList<GlossaryLineRequest?>? lines, DashboardCaller caller, IGrainFactory grains)
    {
        var (database, problem) = await CuratedDatabase.FindAsync(databaseId, caller, grains);
        if (problem is not null) return problem;
        if (lines is null) return Problems.Invalid("glossary", "Send the glossary as a list of { term, meaning } lines (an empty list clears it).");
        for (var index = 0; index < lines.Count; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]?.Term)) return CurationAnswers.Invalid($"[{index}].term");
            if (string.IsNullOrWhiteSpace(lines[index]!.Meaning)) return CurationAnswers.Invalid($"[{index}].meaning");
        }
        var entries = lines.Select(line => new GlossaryEntry(line!.Term!.Trim(), line.Meaning!.Trim())).ToArray();
        var result = await database!.Library.SetGlossaryAsync(caller.Principal, entries);
        if (!result.Succeeded) return CurationAnswers.Refusal(result);
        var view = await database.Library.ViewAsync(caller.Principal);
        return TypedResults.Ok(new GlossaryPage(view?.Glossary ?? entries));
    }

    private static IResult? DraftProblem(ExampleRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Question) ? CurationAnswers.Invalid("question")
        : string.IsNullOrWhiteSpace(request.Sql) ? CurationAnswers.Invalid("sql")
        : null;

    private static ExampleDraft Draft(ExampleRequest request) =>
        new(request.Question!.Trim(), request.Sql!.Trim(), string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(), request.ConversationId);

    private static async Task<bool> IsQuestionOnAsync(string conversationId, string databaseId, DashboardCaller caller, IGrainFactory grains) =>
        conversationId.Length <= MaxConversationIdLength
        && await grains.GetGrain<IOrganizationQuestionsGrain>(0).FindAsync(caller.OrgId, conversationId) is { } question
        && question.DatabaseId == databaseId;

    private static long? ExampleId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static ExampleSaved Saved(CurationResult result) => new(result.Example, result.Status == CurationStatus.AlreadyVerified,
        result.Status == CurationStatus.AlreadyVerified ? "This question and SQL are already verified; nothing changed." : "Saved as a verified example.");

    private static string ExamplePath(string databaseId, VerifiedExample? example) =>
        $"/dashboard/databases/{databaseId}/library/{example?.ExampleId.ToString(CultureInfo.InvariantCulture)}";
}
