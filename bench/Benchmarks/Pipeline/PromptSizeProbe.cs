using System.Diagnostics;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Asks one question and sizes the stage 1 request that reached the model. Run it while nothing else
/// asks: the request is found as the first structured one after the call began.
/// </summary>
internal sealed class PromptSizeProbe(IGrainFactory grains, FakeModelServer model)
{
    private const int TimedCounts = 200;

    /// <param name="userId">A user with <paramref name="databaseId"/> selected and no conversation yet, so no earlier turns pad the prompt.</param>
    /// <returns>The prompt as sent (the pipeline's table selection), then as it would be with every table.</returns>
    public async Task<(PromptSize Selected, PromptSize Full)> MeasureAsync(string database, string databaseId, long userId, string question)
    {
        var before = model.Requests.Count;
        InstantModel.AnswerNextWithoutQuery(model);
        await new QuestionAsker(grains).AskAsync(userId, question);
        var request = model.Requests.Skip(before).First(sent => sent.ResponseFormatType is not null);
        var sentTexts = request.Messages.Select(message => message.Content).ToArray();

        // The same cached schema and the same selection the pipeline used for this question.
        var connection = grains.GetGrain<IDatabaseConnectionGrain>(databaseId);
        var schema = await connection.GetSchemaAsync(userId) ?? throw new InvalidOperationException($"No schema of {database} for user {userId}.");
        var style = CustomerDialects.Of((await connection.GetInfoAsync())!.Provider).NameStyle;
        var pick = RelevantTables.Choose(schema, question);
        var picked = pick.Tables;
        var selectedText = SchemaText.Compact(schema, pick, style);
        if (!sentTexts[0].Contains(selectedText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Stage 1's system message does not hold the expected schema text; the pipeline's table selection has changed.");
        }
        var fullText = SchemaText.Compact(schema, style: style, values: pick.Values);
        var fullTexts = (string[])sentTexts.Clone();
        fullTexts[0] = fullTexts[0].Replace(selectedText, fullText, StringComparison.Ordinal);

        var tables = schema.Tables.Count;
        return (Size(database, picked.Count < tables ? "selected (default)" : "all tables fit", tables, picked.Count, selectedText, sentTexts),
                Size(database, "none, every table (computed)", tables, tables, fullText, fullTexts));
    }

    private static PromptSize Size(string database, string selection, int tables, int promptTables, string schemaText, string[] prompt) =>
        new(database, selection, tables, promptTables, schemaText.Length, prompt.Sum(text => text.Length),
            TokenEstimate.Of(schemaText), Tokens(prompt), CountMicroseconds(prompt));

    private static int Tokens(string[] prompt) => prompt.Sum(TokenEstimate.Of);

    private static double CountMicroseconds(string[] prompt)
    {
        for (var i = 0; i < TimedCounts / 10; i++) Tokens(prompt);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < TimedCounts; i++) Tokens(prompt);
        return Timing.MillisecondsSince(started) * 1000 / TimedCounts;
    }
}
