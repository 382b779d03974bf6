using Npgsql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// The question silo with its app database on PostgreSQL, whose group commit gathers exactly <see cref="QuestionsPerBatch"/>
/// answered questions into one transaction (the window is long enough that questions asked together always meet), and
/// whose app-database statements are recorded as the driver runs them.
/// </summary>
public sealed class PostgreSqlQuestionSiloFixture : QuestionSiloFixture
{
    public const int QuestionsPerBatch = 4;

    /// <summary>What one answered question of these tests writes: its conversation, its one model stage, its history turn, its activity entry.</summary>
    public const int RowsPerAnsweredQuestion = 4;

    public string AppDatabase { get; private set; } = "";

    public AppDatabaseStatements Statements { get; private set; } = null!;

    protected override async Task AddSettingsAsync(Dictionary<string, string?> settings)
    {
        AppDatabase = await TestPostgres.CreateDatabaseAsync("questions");
        Statements = new AppDatabaseStatements(new NpgsqlConnectionStringBuilder(AppDatabase).Database!);
        settings["AppDatabase:Provider"] = "PostgreSql";
        settings["AppDatabase:ConnectionString"] = AppDatabase;
        settings["AppDatabase:GroupCommitWindowMs"] = "1000";
        settings["AppDatabase:GroupCommitMaxRows"] = (QuestionsPerBatch * RowsPerAnsweredQuestion).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AppDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <returns>How many rows <paramref name="sql"/> counts, given the ids as <c>@ids</c>.</returns>
    public async Task<long> CountAsync(string sql, IReadOnlyCollection<string> ids)
    {
        await using var connection = new NpgsqlConnection(AppDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Statements.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlQuestionSiloCollection : ICollectionFixture<PostgreSqlQuestionSiloFixture>
{
    public const string Name = "questions-postgresql";
}
