using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// Inserts seeded questions straight into an app database's <c>Conversations</c> and <c>ConversationStages</c>
/// tables, in each dialect's own column types: SQLite keeps times and money as text, PostgreSQL natively.
/// The rows go in beside the app's ledger writer, so the daily totals the organization reports read are then
/// rebuilt from them by the app's rebuild; the expected numbers never come from the app (see <see cref="CostLedgerSeedTotals"/>).
/// </summary>
public sealed class CostLedgerSeedWriter(bool sqlite, string connectionString)
{
    public static CostLedgerSeedWriter Sqlite(string databaseFile) => new(true, $"Data Source={databaseFile};Pooling=False");

    public static CostLedgerSeedWriter PostgreSql(string connectionString) => new(false, connectionString);

    public async Task WriteAsync(IEnumerable<SeedConversation> conversations)
    {
        await using DbConnection connection = sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var conversation in conversations)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO Conversations (ConversationId, ChatId, UserId, OrgId, DatabaseId, Question, Way, Status, Answer, Error,
                                           StartedAt, CompletedAt, InputTokens, OutputTokens, InputCost, OutputCost, TotalCost, DurationMs)
                VALUES (@id, @userId, @userId, @orgId, NULL, 'How many customers?', 'Sql', 'Completed', 'Seven.', NULL,
                        @startedAt, @startedAt, @inputTokens, @outputTokens, @inputCost, @outputCost, @totalCost, 1200)
                """,
                ("@id", conversation.ConversationId), ("@userId", conversation.UserId), ("@orgId", conversation.OrgId),
                ("@startedAt", Time(conversation.StartedAt)), ("@inputTokens", conversation.InputTokens), ("@outputTokens", conversation.OutputTokens),
                ("@inputCost", Money(conversation.InputCost)), ("@outputCost", Money(conversation.OutputCost)),
                ("@totalCost", Money(conversation.InputCost + conversation.OutputCost)));
            foreach (var stage in conversation.Stages)
            {
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO ConversationStages (ConversationId, Sequence, StageNumber, StageName, Model, InputTokens, OutputTokens,
                                                    InputCost, OutputCost, TotalCost, DurationMs, StartedAt, Succeeded, Error)
                    VALUES (@id, @sequence, @stageNumber, @stageName, @model, @inputTokens, @outputTokens,
                            @inputCost, @outputCost, @totalCost, 300, @startedAt, @succeeded, NULL)
                    """,
                    ("@id", conversation.ConversationId), ("@sequence", stage.Sequence), ("@stageNumber", stage.StageNumber),
                    ("@stageName", stage.StageName), ("@model", stage.Model), ("@inputTokens", stage.InputTokens), ("@outputTokens", stage.OutputTokens),
                    ("@inputCost", Money(stage.InputCost)), ("@outputCost", Money(stage.OutputCost)), ("@totalCost", Money(stage.TotalCost)),
                    ("@startedAt", Time(stage.StartedAt)), ("@succeeded", sqlite ? 1 : true));
            }
        }
        await transaction.CommitAsync();
        await CostAggregateRebuild.RebuildAsync(new AppDatabase(sqlite ? SqliteDialect.Instance : PostgreSqlDialect.Instance, connectionString));
    }

    // The app's SQLite format: ISO 8601 UTC text with milliseconds, which sorts chronologically.
    private object Time(DateTimeOffset value) => sqlite
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : value.UtcDateTime;

    private object Money(decimal value) => sqlite ? value.ToString(CultureInfo.InvariantCulture) : value;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }
}
