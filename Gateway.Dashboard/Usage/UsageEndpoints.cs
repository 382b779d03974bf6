using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Questions;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.Gateway.Dashboard.Usage;

/// <summary>A person's own questions and spend: what a member may see of the costs.</summary>
internal static class UsageEndpoints
{
    private const int RecentQuestions = 20;

    public static void MapUsageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/usage", UsageAsync).RequireAction(AssistantAction.ViewOwnUsage)
            .WithSummary("The caller's own questions, tokens and cost over the range, and their last 20 questions.");
        api.MapGet("/me/answers/{conversationId}/csv", AnswerCsvAsync).RequireAction(AssistantAction.ViewOwnUsage)
            .WithSummary("One of the caller's answers as CSV: its SQL is run again now, with the caller's access checked again (answers of the last 24 hours).");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AnswerCsvAsync(string conversationId, DashboardCaller caller, IGrainFactory grains)
    {
        var export = await grains.GetGrain<IAnswerExportGrain>(AnswerExports.KeyOf(conversationId))
            .ExportAsync(caller.UserId, ExportFormat.Csv, ExportDelivery.Download);
        return export.Status == ExportStatus.Ready
            ? TypedResults.File(export.File!, $"{export.MediaType}; charset=utf-8", export.FileName)
            : ExportProblems.Of(export);
    }

    private static async Task<Results<Ok<MyUsageView>, ValidationProblem>> UsageAsync(
        string? from, string? to, DashboardCaller caller, IGrainFactory grains, TimeProvider time)
    {
        var (range, problem) = DateRange.Parse(from, to, time);
        if (problem is not null) return problem;
        var usage = grains.GetGrain<IUsageGrain>(0);
        var report = await usage.ForUserAsync(caller.UserId, range!.From, range.To);
        var history = await usage.HistoryAsync(caller.UserId, RecentQuestions);
        return TypedResults.Ok(new MyUsageView(report.From, report.To, report.Questions, report.InputTokens, report.OutputTokens, report.Cost,
            report.ByModel, report.ByStage, history, report.ReasoningTokens, report.UnpricedCalls));
    }
}

public sealed record MyUsageView(DateTimeOffset From, DateTimeOffset To, long Questions, long InputTokens, long OutputTokens, decimal Cost,
    IReadOnlyList<UsageLine> ByModel, IReadOnlyList<UsageLine> ByStage, IReadOnlyList<HistoryEntry> History,
    long ReasoningTokens, long UnpricedCalls);
