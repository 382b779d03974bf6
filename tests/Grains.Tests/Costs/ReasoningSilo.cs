using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// A real silo over the fake model server whose summary model has a price and whose answer model has none,
/// with its app database in one dialect and its log recorded.
/// </summary>
public abstract class ReasoningSilo : IAsyncLifetime
{
    public const string PricedModel = "thinking-flash-test";
    public const string UnpricedModel = "unpriced-answer-test";
    public const decimal InputPerMillion = 0.30m;
    public const decimal OutputPerMillion = 2.50m;

    private readonly TempDirectory _folder = new();

    public FakeModelServer Model { get; } = new();
    public LogRecorder Logs { get; } = new();
    public InProcessSilo Silo { get; private set; } = null!;
    public IGrainFactory Grains => Silo.Grains;
    public AppDatabase Database => Silo.Services.GetRequiredService<AppDatabase>();
    public string SqliteFolder => Path.Combine(_folder.Path, "databases");

    /// <summary>Settings that choose the app database.</summary>
    protected abstract Task<Dictionary<string, string?>> AppDatabaseSettingsAsync();

    public async Task InitializeAsync()
    {
        await Model.StartAsync();
        var settings = InProcessSilo.BaseSettings(_folder.Path);
        settings["Model:BaseUrl"] = Model.BaseUrl.ToString();
        settings["Model:ApiKey"] = "test-model-key";
        settings["Model:TimeoutSeconds"] = "3";
        settings["Model:SummaryModel"] = PricedModel;
        settings["Model:EmailModel"] = PricedModel;
        settings["Model:AnswerModel"] = UnpricedModel;
        settings[$"ModelPrices:{PricedModel}:Input"] = "0.30";
        settings[$"ModelPrices:{PricedModel}:Output"] = "2.50";
        foreach (var (key, value) in await AppDatabaseSettingsAsync()) settings[key] = value;
        Silo = await InProcessSilo.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Model.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class SqliteReasoningSilo : ReasoningSilo
{
    protected override Task<Dictionary<string, string?>> AppDatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>Needs the server ./test.sh starts; without it these tests fail rather than skip.</summary>
public sealed class PostgreSqlReasoningSilo : ReasoningSilo
{
    protected override async Task<Dictionary<string, string?>> AppDatabaseSettingsAsync() => new()
    {
        ["AppDatabase:Provider"] = "PostgreSql",
        ["AppDatabase:ConnectionString"] = await TestPostgres.CreateDatabaseAsync("reasoning"),
    };
}
