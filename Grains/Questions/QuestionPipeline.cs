using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MimeKit;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Telemetry;
using OrleansAssistant.Grains.VerifiedQueries;
using OrleansAssistant.Hosting.Resilience;
using OrleansAssistant.Rendering.Charts;


namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// The three model stages of a question: (1) understand it and write SQL, (2) run the SQL through
/// the guarded connection grain and turn rows into an answer, with one repair round, (3) draft an
/// e-mail when asked. Every model call is metered; calls that failed before a reply cost nothing. The database's
/// verified library adds examples and glossary to stage 1, or answers a repeated question without it.
/// </summary>
public sealed partial class QuestionPipeline(
    ModelClient models,
    QuestionEmbedder embedder,
    VerifiedAnswerSettings answers,
    PriceBook prices,
    BudgetGate budgets,
    IGrainFactory grains,
    TimeProvider timeProvider,
    ILogger<QuestionPipeline> logger)
{
    private const string SummaryStage = "summary";
    private const string RepairStage = "repair";
    private const string AnswerStage = "answer";
    private const string EmailStage = "email";

    public async Task<PipelineResult> RunAsync(QuestionContext context, IQuestionProgress? progress, CancellationToken cancellationToken)
    {
        using var trace = QuestionTrace.Start(context.UserId, context.OrgId);
        var result = await RunTracedAsync(context, progress, trace, cancellationToken);
        trace.Finish(result.Answer);
        return result;
    }

    private async Task<PipelineResult> RunTracedAsync(QuestionContext context, IQuestionProgress? progress, QuestionTrace trace, CancellationToken cancellationToken)
    {
        var meter = new StageMeter(prices, budgets.Defaults);
        try
        {
            return await RunStagesAsync(context, progress, meter, trace, cancellationToken);
        }
        catch (ModelUnavailableException error)
        {
            LogModelFailed(logger, context.UserId, error.Message);
            return new PipelineResult(new QuestionAnswer(QuestionOutcome.ModelFailed, error.UserMessage, Stages: meter.Usages), meter.Records, null, Hold: meter.Hold);
        }
    }

    private async Task<PipelineResult> RunStagesAsync(QuestionContext context, IQuestionProgress? progress, StageMeter meter, QuestionTrace trace,
        CancellationToken cancellationToken)
    {
        progress?.OnStage(QuestionStage.Understanding);
        var database = grains.GetGrain<IDatabaseConnectionGrain>(context.DatabaseId);
        var info = await database.GetInfoAsync();
        if (info is not null) trace.DatabaseProvider(info.Provider);
        DatabaseSchema? schema;
        try
        {
            schema = info is null ? null : await database.GetSchemaAsync(context.CurrentAsker());
        }
        // A database grain on a silo that just died is not a database that is down: that error goes back to the gateway,
        // which asks again under the same request id once membership has moved the grain.
        catch (Exception error) when (error is not OperationCanceledException && !TransientClusterErrors.IsTransient(error))
        {
            // Reading the schema is the first contact with the database: a failure means it is down.
            LogSchemaUnavailable(logger, context.DatabaseId, error.GetType().Name);
            return Done(new QuestionAnswer(QuestionOutcome.DatabaseUnavailable, DatabaseUnavailable), meter);
        }
        if (info is null || schema is null)
        {
            return Done(new QuestionAnswer(QuestionOutcome.NoDatabase, "You don't have access to the selected database any more; choose one with /selectdb."), meter);
        }
        var dialect = CustomerDialects.Of(info.Provider).PromptName;
        var picked = RelevantTables.Choose(schema, context.Question, recentSql: context.Window.Select(turn => turn.Sql).OfType<string>());
        var schemaText = SchemaText.Compact(schema, picked, CustomerDialects.Of(info.Provider).NameStyle);
        // Access is proven by the schema read, so the library may be consulted now.
        var lookup = await LookUpAsync(context);
        var prompt = BuildSummaryPrompt(context, dialect, schemaText, lookup, excludedExampleId: null);
        if (await ReserveAsync(context, prompt, meter) is { } refusal)
        {
            // A verified repeat answered from its template calls no model and costs nothing: a spent budget does not stop it.
            if (answers.Mode == VerifiedAnswerMode.Template && lookup.Repeat?.Example is { IsBroken: false } free
                && await AnswerFromExampleAsync(context, database, free, prompt, progress, meter) is { } answered)
            {
                return answered;
            }
            return Done(new QuestionAnswer(QuestionOutcome.BudgetExhausted, "", Budget: refusal), meter);
        }
        if (await RefineAsync(context, lookup, meter) is var refined && refined != lookup)
        {
            lookup = refined;
            prompt = BuildSummaryPrompt(context, dialect, schemaText, lookup, excludedExampleId: null);
        }
        if (lookup.Repeat?.Example is { IsBroken: false } repeated)
        {
            if (await AnswerFromExampleAsync(context, database, repeated, prompt, progress, meter) is { } verified) return verified;
            prompt = BuildSummaryPrompt(context, dialect, schemaText, lookup, excludedExampleId: repeated.ExampleId);
        }
        var conversation = prompt.Messages;

        var summary = await AskSummaryAsync(conversation, SummaryStage, meter, cancellationToken);
        if (summary is null) return Done(new QuestionAnswer(QuestionOutcome.ModelFailed, UnreadableReply, Stages: meter.Usages), meter);

        switch (summary.Way)
        {
            case AnswerWay.SqlQuery when !string.IsNullOrWhiteSpace(summary.Sql):
            case AnswerWay.Email when !string.IsNullOrWhiteSpace(summary.Sql):
                break;
            case AnswerWay.Email:
                return Done(await DraftEmailAsync(context, AnswerWay.Email, null, null, null, progress, meter, cancellationToken), meter);
            default:
                var text = string.IsNullOrWhiteSpace(summary.Answer) ? "I can't answer that from this database." : summary.Answer.Trim();
                return Done(new QuestionAnswer(QuestionOutcome.Answered, text, summary.Way == AnswerWay.SqlQuery ? AnswerWay.None : summary.Way, Stages: meter.Usages), meter);
        }

        progress?.OnStage(QuestionStage.Querying);
        var (sql, rows) = await QueryWithRepairAsync(context, database, conversation, summary.Sql!, dialect, meter, cancellationToken);
        if (rows.Outcome == QueryOutcome.Refused)
        {
            // The guard's reason is the text; the gateway says in its own words that only reads may run.
            return Done(new QuestionAnswer(QuestionOutcome.QueryRefused, rows.Message ?? "", summary.Way, sql, rows, Stages: meter.Usages), meter);
        }
        if (rows.Outcome == QueryOutcome.Unavailable)
        {
            return Done(new QuestionAnswer(QuestionOutcome.DatabaseUnavailable, DatabaseUnavailable, summary.Way, sql, Stages: meter.Usages), meter);
        }
        if (!rows.Succeeded)
        {
            return Done(new QuestionAnswer(QuestionOutcome.QueryFailed,
                QueryFailedText(rows), summary.Way, sql, rows, Stages: meter.Usages), meter);
        }
        if (rows.Rows.Count == 0)
        {
            return Done(new QuestionAnswer(QuestionOutcome.Answered, NoMatchingRows(sql), summary.Way, sql, rows, Stages: meter.Usages), meter, 0);
        }

        progress?.OnStage(QuestionStage.WritingAnswer);
        var answer = await WriteAnswerAsync(context.Question, sql, rows, meter, cancellationToken);
        if (summary.Way == AnswerWay.Email)
        {
            return Done(await DraftEmailAsync(context, AnswerWay.Email, sql, rows, answer, progress, meter, cancellationToken), meter, rows.Rows.Count);
        }
        var chart = await ChartAsync(context.Question, rows, summary.Chart);
        return Done(new QuestionAnswer(QuestionOutcome.Answered, answer, AnswerWay.SqlQuery, sql, rows, Stages: meter.Usages, Chart: chart), meter, rows.Rows.Count);
    }

    /// <summary>
    /// Reserves the question's estimated cost on its budget before its first model call, and takes the stage models the budget
    /// chose. The estimate starts from stage 1's prompt as built from the examples found by words; re-ranking them by meaning
    /// (embeddings on) may swap examples, within the prompt cap, so then the cap is the estimate.
    /// </summary>
    /// <returns>The refusal when a budget is spent: then no model is called.</returns>
    private async Task<BudgetRefusal?> ReserveAsync(QuestionContext context, SummaryPrompt prompt, StageMeter meter)
    {
        var promptTokens = embedder.IsEnabled ? Math.Max(prompt.EstimatedTokens, answers.Stage1PromptTokenCap) : prompt.EstimatedTokens;
        var (admission, hold) = await budgets.ReserveAsync(context.UserId, context.OrgId, context.ConversationId ?? Guid.NewGuid().ToString("N"),
            budgets.ForQuestion(promptTokens), context.TimeZone);
        meter.Models = admission.Models;
        meter.Hold = hold;
        return admission.Refusal;
    }

    /// <summary>The rows as a picture when their shape suits one; a chart that fails to draw leaves the answer as text.</summary>
    private async Task<AnswerChart?> ChartAsync(string question, QueryResult rows, ChartKind? hint)
    {
        var plan = ChartChoice.Decide(rows, question, hint ?? ChartKind.None);
        if (plan.Kind == ChartKind.None) return null;
        try
        {
            // Drawing takes tens of milliseconds of CPU; off the grain's turn so the user grain stays responsive.
            return await Task.Run(() => ChartRenderer.Render(rows, plan, question));
        }
        catch (Exception error)
        {
            LogChartFailed(logger, plan.Kind, error.GetType().Name, error.Message);
            return null;
        }
    }

    private static string QueryFailedText(QueryResult rows) => $"I couldn't build a working query for that. The database said: {rows.Message}";

    private static string NoMatchingRows(string sql) => $"No data matches your question. I searched with:\n{sql}";

    private const string DatabaseUnavailable = "The database is unavailable right now. Please try again later.";
    private const string UnreadableReply = "The assistant's model sent a reply I could not read, twice. Please rephrase the question or try again.";

    private SummaryPrompt BuildSummaryPrompt(QuestionContext context, string dialect, string schemaText, ExampleLookup lookup, long? excludedExampleId)
    {
        var values = new Dictionary<string, string>
        {
            ["today"] = timeProvider.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["organization"] = context.OrgName ?? "no organization (a personal account)",
            ["dialect"] = dialect,
            ["schema"] = schemaText,
        };
        var examples = lookup.Similar.Select(match => match.Example)
            .Where(example => !example.IsBroken && example.ExampleId != excludedExampleId)
            .Take(answers.ExampleCount)
            .ToArray();
        return SummaryPrompt.Build(values, context, lookup.Glossary, examples, answers.Stage1PromptTokenCap);
    }

    private async Task<SummaryReply?> AskSummaryAsync(List<ChatMessage> conversation, string stageName, StageMeter meter, CancellationToken cancellationToken)
    {
        var reply = await MeteredCallAsync(1, stageName, meter.Models.Summary,
            () => models.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, conversation, cancellationToken, meter.Models.Summary), reply => reply.Value is not null,
            meter, cancellationToken);
        return reply.Value;
    }

    /// <summary>One model call inside its stage span, priced and recorded; a call that never got a reply costs nothing.</summary>
    private async Task<ModelReply<T>> MeteredCallAsync<T>(int stageNumber, string stageName, string model, Func<Task<ModelReply<T>>> call,
        Func<ModelReply<T>, bool> succeeded, StageMeter meter, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        using var span = StageTrace.Start(stageNumber, stageName);
        ModelReply<T> reply;
        try
        {
            reply = await call();
        }
        catch (ModelUnavailableException error)
        {
            StageTrace.Fail(span, model, error);
            throw;
        }
        var parsed = succeeded(reply);
        var usage = await meter.RecordAsync(stageNumber, stageName, reply, startedAt, parsed, cancellationToken);
        StageTrace.Complete(span, usage, parsed);
        return reply;
    }

    /// <summary>
    /// Runs the SQL; when the database reports an error, gives the model one chance to correct it. A guard
    /// refusal gets no repair round: SQL that changes data or reaches outside it can never be allowed.
    /// </summary>
    private async Task<(string Sql, QueryResult Rows)> QueryWithRepairAsync(QuestionContext context, IDatabaseConnectionGrain database,
        List<ChatMessage> conversation, string sql, string dialect, StageMeter meter, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(context.CurrentAsker(), sql);
        if (rows.Outcome != QueryOutcome.Failed) return (sql, rows);

        LogRepair(logger, context.UserId, rows.Outcome);
        conversation.Add(new ChatMessage(ChatRole.Assistant, sql));
        conversation.Add(new ChatMessage(ChatRole.User, Prompts.Repair.Fill(new Dictionary<string, string>
        {
            ["question"] = context.Question,
            ["sql"] = sql,
            ["error"] = rows.Message ?? "unknown error",
            ["dialect"] = dialect,
        })));
        var repaired = await AskSummaryAsync(conversation, RepairStage, meter, cancellationToken);
        if (repaired?.Sql is not { Length: > 0 } corrected) return (sql, rows);
        return (corrected, await database.QueryAsync(context.CurrentAsker(), corrected));
    }

    private async Task<string> WriteAnswerAsync(string question, string sql, QueryResult rows, StageMeter meter, CancellationToken cancellationToken)
    {
        var shown = Math.Min(rows.Rows.Count, RowsJson.MaxRowsForModel);
        var truncation = rows.Truncated || rows.Rows.Count > shown
            ? $"Only the first {shown} rows are shown below; the full result has more. Say so in the answer."
            : "";
        var prompt = Prompts.Answer.Fill(new Dictionary<string, string>
        {
            ["truncation"] = truncation,
            ["question"] = question,
            ["sql"] = sql,
            ["row_count"] = rows.Truncated ? $"more than {rows.Rows.Count}" : rows.Rows.Count.ToString(CultureInfo.InvariantCulture),
            ["rows"] = RowsJson.Write(rows),
        });
        var reply = await MeteredCallAsync(2, AnswerStage, meter.Models.Answer,
            () => models.CompleteTextAsync(ModelStage.Answer, [new ChatMessage(ChatRole.User, prompt)], cancellationToken, meter.Models.Answer), _ => true,
            meter, cancellationToken);
        return string.IsNullOrWhiteSpace(reply.Value) ? "The query ran, but the model gave no answer text." : reply.Value.Trim();
    }

    private async Task<QuestionAnswer> DraftEmailAsync(QuestionContext context, AnswerWay way, string? sql, QueryResult? rows, string? answer,
        IQuestionProgress? progress, StageMeter meter, CancellationToken cancellationToken)
    {
        progress?.OnStage(QuestionStage.DraftingEmail);
        var prompt = Prompts.Email.Fill(new Dictionary<string, string>
        {
            ["question"] = context.Question,
            ["data"] = answer is null ? "" : $"What the data says (use it in the e-mail):\n{answer}",
        });
        var reply = await MeteredCallAsync(3, EmailStage, meter.Models.Email,
            () => models.CompleteJsonAsync<MailReply>(ModelStage.Email, [new ChatMessage(ChatRole.User, prompt)], cancellationToken, meter.Models.Email),
            reply => reply.Value is not null, meter, cancellationToken);
        if (reply.Value is not { } mail) return new QuestionAnswer(QuestionOutcome.ModelFailed, UnreadableReply, way, sql, rows, Stages: meter.Usages);

        var valid = mail.To.Where(IsMailbox).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var rejected = mail.To.Except(valid, StringComparer.OrdinalIgnoreCase).ToArray();
        var text = (answer is null ? "" : answer + "\n\n")
            + (valid.Length == 0 ? "I drafted the e-mail, but it has no valid recipient yet: tell me who should get it." : "Here is the e-mail draft.")
            + (rejected.Length == 0 ? "" : $" These addresses are not valid and were left out: {string.Join(", ", rejected)}.");
        return new QuestionAnswer(QuestionOutcome.Answered, text, way, sql, rows, new EmailDraft(valid, mail.Subject.Trim(), mail.Body.Trim()), meter.Usages);
    }

    private static bool IsMailbox(string address) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) && mailbox.Address == address.Trim();

    private static PipelineResult Done(QuestionAnswer answer, StageMeter meter, int? rowCount = null, string? turnText = null) =>
        new(answer with { Stages = meter.Usages }, meter.Records, rowCount, turnText, meter.Hold);

    [LoggerMessage(1, LogLevel.Warning, "Question of user {UserId}: the model failed: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, long userId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Schema of {DatabaseId} could not be read ({Error}); answering that the database is unavailable")]
    private static partial void LogSchemaUnavailable(ILogger logger, string databaseId, string error);

    [LoggerMessage(4, LogLevel.Warning, "A {Kind} chart could not be drawn ({ErrorType}: {Error}); the answer goes out as text")]
    private static partial void LogChartFailed(ILogger logger, ChartKind kind, string errorType, string error);

    [LoggerMessage(2, LogLevel.Information, "Question of user {UserId}: query {Outcome}, asking the model for a repair")]
    private static partial void LogRepair(ILogger logger, long userId, QueryOutcome outcome);
}
