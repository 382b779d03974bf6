using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.Grains.Questions;

/// <summary>The verified library's part of a question: its look-up, and answering a repeat from a verified example's SQL.</summary>
public sealed partial class QuestionPipeline
{
    private IVerifiedQueriesGrain Library(string databaseId) => grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId));

    // Embedding the question serves stage 1 (finding its examples), so it is billed as a stage-1 call of its own name.
    private const int EmbeddingStageNumber = 1;
    private const string EmbeddingStage = "embedding";

    /// <summary>
    /// The examples and glossary for the question by their words; the library only helps, so when it cannot answer the question
    /// goes the usual way. Words decide a repeat; <see cref="RefineAsync"/> may re-rank the examples by meaning afterwards.
    /// </summary>
    private Task<ExampleLookup> LookUpAsync(QuestionContext context) => AskLibraryAsync(context, null);

    /// <summary>
    /// Re-ranks the examples by meaning: the question is embedded (and billed as a stage-1 "embedding" call) only when it is no
    /// repeat and the library has examples for the vectors to re-rank, so a repeat stays free of model calls (and of stage-1 tokens).
    /// </summary>
    private async Task<ExampleLookup> RefineAsync(QuestionContext context, ExampleLookup byWords, StageMeter meter)
    {
        if (byWords.Repeat is not null || byWords.Similar.Count == 0 || !embedder.IsEnabled) return byWords;
        var vector = await EmbedAsync(context, meter);
        return vector is null ? byWords : await AskLibraryAsync(context, vector);
    }

    private async Task<ExampleLookup> AskLibraryAsync(QuestionContext context, float[]? vector)
    {
        try
        {
            return await Library(context.DatabaseId).LookUpAsync(context.Question, vector, answers.ExampleCount);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLibraryUnavailable(logger, context.DatabaseId, error.GetType().Name);
            return ExampleLookup.Empty;
        }
    }

    /// <returns>Null when the endpoint cannot embed now: the examples are then ranked by their words alone.</returns>
    private async Task<float[]?> EmbedAsync(QuestionContext context, StageMeter meter)
    {
        var startedAt = timeProvider.GetUtcNow();
        try
        {
            if (await embedder.EmbedAsync(context.Question, CancellationToken.None) is not { } reply) return null;
            await meter.RecordAsync(EmbeddingStageNumber, EmbeddingStage, reply, startedAt, true, CancellationToken.None);
            return reply.Value;
        }
        catch (ModelUnavailableException error)
        {
            LogEmbeddingFailed(logger, context.UserId, error.Message);
            return null;
        }
    }

    /// <summary>
    /// Runs the verified SQL instead of stage 1. Null when it no longer runs (the schema changed): the example is
    /// marked broken and the question takes the normal way, with nothing shown of the failure.
    /// </summary>
    /// <param name="skipped">The stage-1 request this answer does without: its size is the saving.</param>
    private async Task<PipelineResult?> AnswerFromExampleAsync(QuestionContext context, IDatabaseConnectionGrain database, VerifiedExample example,
        SummaryPrompt skipped, IQuestionProgress? progress, StageMeter meter)
    {
        progress?.OnStage(QuestionStage.Querying);
        var rows = await database.QueryAsync(context.CurrentAsker(), example.Sql);
        switch (rows.Outcome)
        {
            case QueryOutcome.Failed or QueryOutcome.Refused or QueryOutcome.TimedOut:
                await MarkBrokenAsync(context.DatabaseId, example.ExampleId, rows);
                return null;
            case QueryOutcome.Unavailable:
                return Done(new QuestionAnswer(QuestionOutcome.DatabaseUnavailable, DatabaseUnavailable, AnswerWay.SqlQuery, example.Sql), meter);
            case not QueryOutcome.Succeeded:
                return Done(new QuestionAnswer(QuestionOutcome.QueryFailed, QueryFailedText(rows), AnswerWay.SqlQuery, example.Sql, rows), meter);
        }

        // Saved: the stage-1 prompt that was not sent, and the SQL the model would have written.
        var source = new VerifiedSource(example.ExampleId, example.VerifiedByName, example.VerifiedAt, answers.Mode,
                                        skipped.EstimatedTokens + TokenEstimate.Of(example.Sql));
        LogAnsweredFromExample(logger, context.UserId, example.ExampleId, answers.Mode);
        var text = "";
        if (answers.Mode == VerifiedAnswerMode.Summary)
        {
            if (rows.Rows.Count == 0)
            {
                text = NoMatchingRows(example.Sql);
            }
            else
            {
                progress?.OnStage(QuestionStage.WritingAnswer);
                text = await WriteAnswerAsync(context.Question, example.Sql, rows, meter, CancellationToken.None);
            }
        }
        var chart = rows.Rows.Count == 0 ? null : await ChartAsync(context.Question, rows, null);
        var answer = new QuestionAnswer(QuestionOutcome.Answered, text, AnswerWay.SqlQuery, example.Sql, rows, Chart: chart, Verified: source);
        return Done(answer, meter, rows.Rows.Count, text.Length == 0 ? TemplateTurnText.Of(rows) : null);
    }

    private async Task MarkBrokenAsync(string databaseId, long exampleId, QueryResult rows)
    {
        var reason = rows.Message ?? rows.Outcome.ToString();
        LogExampleBroken(logger, exampleId, databaseId, rows.Outcome);
        try
        {
            await Library(databaseId).MarkBrokenAsync(exampleId, reason);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The question still gets its normal answer; the next repeat finds the SQL failing and tries again.
            LogLibraryUnavailable(logger, databaseId, error.GetType().Name);
        }
    }

    [LoggerMessage(23, LogLevel.Warning, "Question of user {UserId}: the question could not be embedded ({Reason}); examples ranked by their words")]
    private static partial void LogEmbeddingFailed(ILogger logger, long userId, string reason);

    [LoggerMessage(20, LogLevel.Warning, "The verified library of {DatabaseId} could not be read or written ({Error}); the question goes the usual way")]
    private static partial void LogLibraryUnavailable(ILogger logger, string databaseId, string error);

    [LoggerMessage(21, LogLevel.Warning, "Verified example {ExampleId} of {DatabaseId} no longer runs ({Outcome}); marked broken, the question goes the usual way")]
    private static partial void LogExampleBroken(ILogger logger, long exampleId, string databaseId, QueryOutcome outcome);

    [LoggerMessage(22, LogLevel.Information, "Question of user {UserId} answered from verified example {ExampleId} ({Mode}), without stage 1")]
    private static partial void LogAnsweredFromExample(ILogger logger, long userId, long exampleId, VerifiedAnswerMode mode);
}
