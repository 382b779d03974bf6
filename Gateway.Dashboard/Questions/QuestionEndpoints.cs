using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Costs;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>The organization's recent questions for its owner to review: SQL, outcome, rows, feedback and cost.</summary>
internal static class QuestionEndpoints
{
    private const int MaxConversationIdLength = 64;
    private const string NotFound = "Your organization has no question with that id.";

    public static void MapQuestionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/questions", ListAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("The organization's questions, newest first, with SQL, outcome, rows, feedback and cost; filterable.")
            .Produces<IReadOnlyList<ReviewedQuestionView>>(StatusCodes.Status200OK, "application/json", CsvFile.ContentType);
        api.MapGet("/questions/{conversationId}", FindAsync).RequireAction(AssistantAction.ReviewQuestions)
            .WithSummary("One of the organization's questions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewedQuestionView>>, FileContentHttpResult, ValidationProblem>> ListAsync(
        string? from, string? to, string? feedback, string? failed, string? member, string? database, string? limit, string? format,
        DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, TimeProvider time)
    {
        var (filter, problem) = QuestionFilterQuery.Parse(from, to, feedback, failed, member, database, limit, time);
        if (problem is not null) return problem;
        var csv = ReportFormat.IsCsv(format);
        if (csv is null) return Problems.Invalid("format", "The format is json or csv.");
        var questions = await grains.GetGrain<IOrganizationQuestionsGrain>(0).ListAsync(caller.OrgId, filter!);
        var views = await ViewsAsync(questions, grains, people);
        return csv.Value
            ? QuestionCsv.Of(views).ToFile($"questions-{filter!.From:yyyy-MM-dd}-{filter.To.AddDays(-1):yyyy-MM-dd}.csv")
            : TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<ReviewedQuestionView>, ProblemHttpResult>> FindAsync(
        string conversationId, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        if (conversationId.Length > MaxConversationIdLength) return Problems.NotFound(NotFound);
        var question = await grains.GetGrain<IOrganizationQuestionsGrain>(0).FindAsync(caller.OrgId, conversationId);
        // Another organization's question reads exactly like one that does not exist.
        if (question is null) return Problems.NotFound(NotFound);
        return TypedResults.Ok((await ViewsAsync([question], grains, people))[0]);
    }

    private static async Task<IReadOnlyList<ReviewedQuestionView>> ViewsAsync(
        IReadOnlyList<ReviewedQuestion> questions, IGrainFactory grains, PeopleDirectory people)
    {
        var namesQuery = people.NamesAsync(questions.Select(q => q.UserId));
        var databasesQuery = DatabaseNames.LookUpAsync(grains, questions.Select(q => q.DatabaseId));
        var (names, databases) = (await namesQuery, await databasesQuery);
        return [.. questions.Select(q => ReviewedQuestionView.From(q, names[q.UserId],
            q.DatabaseId is { } id && databases.TryGetValue(id, out var name) ? name : null))];
    }
}
