using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Rendering.Exports;

namespace OrleansAssistant.Grains.Exports;

/// <summary>
/// Exports one answer's rows as CSV, XLSX or JSON. Not reentrant: presses of one answer's buttons run one
/// after another, so a double press finds the first one's file just made and sends nothing twice. Nothing is
/// persisted: the SQL lives in the ledger, and the rows are read again (costing no model tokens).
/// </summary>
public sealed partial class AnswerExportGrain(
    AnsweredQueries answers,
    ExportSettings settings,
    ActivityLog activity,
    TimeProvider timeProvider,
    ILogger<AnswerExportGrain> logger) : Grain, IAnswerExportGrain
{
    private readonly Dictionary<(long UserId, ExportFormat Format), DateTimeOffset> _lastExport = [];

    private string ConversationId => this.GetPrimaryKeyString()[AnswerExports.KeyPrefix.Length..];

    public async Task<ExportResult> ExportAsync(long userId, ExportFormat format, ExportDelivery delivery)
    {
        var now = timeProvider.GetUtcNow();
        if (delivery == ExportDelivery.Chat && _lastExport.TryGetValue((userId, format), out var last) && now - last < settings.RepeatWindow)
        {
            return new ExportResult(ExportStatus.Duplicate);
        }

        var answer = await answers.FindAsync(ConversationId, CancellationToken.None);
        // Another person's answer reads exactly like a missing one, so ids cannot be probed.
        if (answer is null || answer.UserId != userId) return new ExportResult(ExportStatus.NotFound);
        if (now - answer.StartedAt > settings.Window) return new ExportResult(ExportStatus.Expired);
        if (answer.Sql is null || answer.DatabaseId is null) return new ExportResult(ExportStatus.NoRows);

        var rows = await GrainFactory.GetGrain<IDatabaseConnectionGrain>(answer.DatabaseId).ExportAsync(userId, answer.Sql, settings.MaxRows);
        if (Failed(rows) is { } failure) return failure;

        var file = await WriteAsync(rows, format);
        if (file.LongLength > settings.MaxBytes) return new ExportResult(ExportStatus.TooLarge, Rows: rows.Rows.Count, Bytes: file.LongLength);

        if (delivery == ExportDelivery.Chat) _lastExport[(userId, format)] = timeProvider.GetUtcNow();
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.AnswerExported, userId, answer.OrgId, "database", answer.DatabaseId,
            new Dictionary<string, object?> { ["conversation"] = ConversationId, ["format"] = format.ToString(), ["rows"] = rows.Rows.Count, ["bytes"] = file.LongLength }));
        LogExported(logger, userId, ConversationId, format, rows.Rows.Count, file.LongLength);
        return new ExportResult(ExportStatus.Ready, file, ExportFileName.For(answer.Question, format), ResultExport.MediaTypeOf(format),
            rows.Rows.Count, rows.Truncated, file.LongLength);
    }

    private static ExportResult? Failed(QueryResult rows) => rows.Outcome switch
    {
        QueryOutcome.Succeeded => null,
        QueryOutcome.AccessDenied => new ExportResult(ExportStatus.AccessDenied),
        QueryOutcome.Unavailable => new ExportResult(ExportStatus.DatabaseUnavailable),
        _ => new ExportResult(ExportStatus.QueryFailed, Problem: rows.Message),
    };

    // Off the grain's turn: 50,000 rows take a noticeable moment to write.
    private static Task<byte[]> WriteAsync(QueryResult rows, ExportFormat format) => Task.Run(async () =>
    {
        using var buffer = new MemoryStream();
        await ResultExport.WriteAsync(rows, format, buffer, CancellationToken.None);
        return buffer.ToArray();
    });

    [LoggerMessage(1, LogLevel.Information, "User {UserId} exported {ConversationId} as {Format}: {Rows} rows, {Bytes} bytes")]
    private static partial void LogExported(ILogger logger, long userId, string conversationId, ExportFormat format, int rows, long bytes);
}
