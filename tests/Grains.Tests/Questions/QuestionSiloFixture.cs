using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// A real silo whose model endpoint is an in-process fake OpenAI-compatible server, with a clock the
/// tests move forward. Questions use fresh users, so tests sharing the silo never meet.
/// </summary>
public class QuestionSiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    public QuestionSiloFixture() : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="extraSettings">Laid over the usual ones, for a silo configured differently (e.g. <c>Answers:*</c>).</param>
    protected QuestionSiloFixture(IReadOnlyDictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public FakeModelServer Model { get; } = new();
    public ShiftableClock Clock { get; } = new();
    /// <summary>Every grain call the silo takes in, counted (it outlives restarts).</summary>
    public GrainCallCounter Calls { get; } = new();
    public InProcessSilo Silo { get; private set; } = null!;
    public IGrainFactory Grains => Silo.Grains;
    public string DataDirectory => _folder.Path;
    public string SqliteFolder => Path.Combine(_folder.Path, "databases");
    public Dictionary<string, string?> Settings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Model.StartAsync();
        Settings = InProcessSilo.BaseSettings(_folder.Path);
        Settings["Model:BaseUrl"] = Model.BaseUrl.ToString();
        Settings["Model:ApiKey"] = "test-model-key";
        Settings["Model:TimeoutSeconds"] = "3";
        foreach (var (key, value) in _extraSettings) Settings[key] = value;
        await AddSettingsAsync(Settings);
        Silo = await StartSiloAsync();
    }

    /// <summary>Settings that need work before the silo starts (a server database created for it).</summary>
    protected virtual Task AddSettingsAsync(Dictionary<string, string?> settings) => Task.CompletedTask;

    /// <summary>Starts the silo (again) on the same data folder, settings and clock.</summary>
    public Task<InProcessSilo> StartSiloAsync() => InProcessSilo.StartAsync(Settings, services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IIncomingGrainCallFilter>(Calls);
        services.AddSingleton(QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(4) });
    });

    public async Task RestartAsync()
    {
        await Silo.DisposeAsync();
        Silo = await StartSiloAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Model.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class QuestionSiloCollection : ICollectionFixture<QuestionSiloFixture>
{
    public const string Name = "questions";
}
