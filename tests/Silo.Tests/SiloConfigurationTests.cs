using OrleansAssistant.Grains.Schedules.Rhythm;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Grains.VerifiedQueries;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

public sealed class SiloConfigurationTests
{
    private static Dictionary<string, string?> Settings(TempDirectory folder, params (string Key, string Value)[] extra)
    {
        var settings = InProcessSilo.BaseSettings(folder.Path);
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    [Theory]
    [InlineData("Cluster:Clustering", "Consul", "Localhost, AdoNet")]
    [InlineData("GrainStorage:Provider", "Mongo", "Sqlite, AdoNet")]
    [InlineData("AppDatabase:Provider", "Oracle", "Sqlite, PostgreSql, SqlServer")]
    [InlineData("AppDatabase:Provider", "MySql", "must be one of Sqlite, PostgreSql, SqlServer (got 'MySql')")]
    [InlineData("Cluster:SiloPort", "seventy", "between 1 and 65535")]
    [InlineData("Telemetry:Exporter", "Jaeger", "None, Console, Otlp")]
    [InlineData("Model:BaseUrl", "ftp://models.example.com", "OpenAI-compatible endpoint")]
    [InlineData("Model:HealthCheckMinutes", "often", "from 0 (check only at start) to 1440")]
    [InlineData("ModelPrices:gemini-2.5-flash:Input", "cheap", "price per million tokens")]
    [InlineData("Model:StructuredOutput", "Xml", "Auto, JsonSchema, JsonSchemaStrictSubset, JsonObject, PromptOnly")]
    [InlineData("Model:Stages:Answer:ReasoningEffort", "extreme", "Default, None, Minimal, Low, Medium, High")]
    [InlineData("Databases:DemoDatabase", "sometimes", "true or false")]
    [InlineData("Exports:MaxRows", "0", "between 1 and 1000000")]
    [InlineData("Answers:ExampleCount", "-1", "between 0 and 20")]
    [InlineData("Answers:ExampleCount", "three", "between 0 and 20")]
    [InlineData("Answers:RepeatSimilarity", "0.2", "from 0.5 to 1")]
    [InlineData("Answers:RepeatSimilarity", "1,5", "from 0.5 to 1")]
    [InlineData("Answers:VerifiedAnswerMode", "Verbose", "Summary, Template")]
    [InlineData("Answers:Stage1PromptTokenCap", "100", "between 500 and 1000000")]
    [InlineData("AppDatabase:GroupCommitWindowMs", "5000", "between 0 and 1000")]
    [InlineData("AppDatabase:GroupCommitWindowMs", "soon", "between 0 and 1000")]
    [InlineData("AppDatabase:GroupCommitMaxRows", "0", "between 1 and 10000")]
    [InlineData("Schedules:MinimumIntervalMinutes", "0", "between 1 and 1440")]
    [InlineData("Schedules:MinimumIntervalMinutes", "hourly", "between 1 and 1440")]
    [InlineData("Schedules:MaxPerPerson", "0", "between 1 and 10000")]
    [InlineData("Schedules:MaxPerOrganization", "many", "between 1 and 1000000")]
    [InlineData("Schedules:Message", "Poem", "Summary, Template")]
    [InlineData("Schedules:SayNoRows", "sometimes", "true or false")]
    [InlineData("Schedules:AllowPrivateWebhookTargets", "yes", "true or false")]
    [InlineData("Schedules:WebhookTimeoutSeconds", "600", "between 1 and 60")]
    [InlineData("Dashboard:LoginRequestsPerMinute", "0", "between 1 and 1000000")]
    [InlineData("Dashboard:RequestsPerMinute", "lots", "between 1 and 1000000")]
    [InlineData("Dashboard:ShutdownDrainSeconds", "90", "from 0 to 60")]
    [InlineData("Dashboard:BotUsername", "not a bot!", "Telegram bot username")]
    [InlineData("Email:MaxRecipients", "0", "between 1 and 1000")]
    [InlineData("Databases:AllowPrivateNetworks", "yes", "true or false")]
    [InlineData("Databases:AllowedHosts", "10.0.0.0/99", "host names, addresses or CIDRs")]
    [InlineData("Email:AllowedDomains", "not a domain", "domain names such as example.com")]
    public void UnknownValue_StopsStartup_NamingTheSettingAndTheChoices(string key, string value, string choices)
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<InvalidSettingException>(() => AssistantSilo.Build([], Settings(folder, (key, value))));

        Assert.Equal(key, error.Setting);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(choices, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AdminIdsThatAreNotNumbers_StopStartup_NamingTheSetting()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<InvalidSettingException>(() => AssistantSilo.Build([], Settings(folder, ("ADMIN_TELEGRAM_IDS", "1234, @boss"))));

        Assert.Equal("ADMIN_TELEGRAM_IDS", error.Setting);
        Assert.Contains("'@boss'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cluster:Clustering", "AdoNet", "Cluster:ConnectionString")]
    [InlineData("GrainStorage:Provider", "AdoNet", "GrainStorage:ConnectionString")]
    [InlineData("AppDatabase:Provider", "PostgreSql", "AppDatabase:ConnectionString")]
    public void MissingConnectionString_StopsStartup_NamingTheSetting(string key, string value, string missing)
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<InvalidSettingException>(() => AssistantSilo.Build([], Settings(folder, (key, value))));

        Assert.Equal(missing, error.Setting);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersSettings_ReachTheGrainServices()
    {
        using var folder = new TempDirectory();
        var app = AssistantSilo.Build([], Settings(folder, ("Answers:ExampleCount", "0"), ("Answers:RepeatSimilarity", "0.9"),
            ("Answers:VerifiedAnswerMode", "template"), ("Answers:Stage1PromptTokenCap", "8000")));
        await using var _ = app;

        var answers = app.Services.GetRequiredService<VerifiedAnswerSettings>();

        Assert.Equal(VerifiedAnswerSettings.Default with { ExampleCount = 0, RepeatSimilarity = 0.9, Mode = VerifiedAnswerMode.Template, Stage1PromptTokenCap = 8_000 },
            answers);
    }

    [Fact]
    public async Task GroupCommitSettings_ReachTheGrainServices()
    {
        using var folder = new TempDirectory();
        var app = AssistantSilo.Build([], Settings(folder, ("AppDatabase:GroupCommitWindowMs", "5"), ("AppDatabase:GroupCommitMaxRows", "50")));
        await using var _ = app;

        Assert.Equal(new GroupCommitSettings { Window = TimeSpan.FromMilliseconds(5), MaxRows = 50 }, app.Services.GetRequiredService<GroupCommitSettings>());
    }

    [Fact]
    public async Task SchedulesMinimumInterval_ReachesTheGrainServices()
    {
        using var folder = new TempDirectory();
        var app = AssistantSilo.Build([], Settings(folder, ("Schedules:MinimumIntervalMinutes", "60")));
        await using var _ = app;

        Assert.Equal(TimeSpan.FromMinutes(60), app.Services.GetRequiredService<ScheduleSettings>().MinimumInterval);
    }

    [Fact]
    public async Task UnreachableDatabase_StopsStartup_WithoutShowingThePassword()
    {
        using var folder = new TempDirectory();
        var deadPort = FreePort.Next();
        var app = AssistantSilo.Build([], Settings(folder,
            ("AppDatabase:Provider", "PostgreSql"),
            ("AppDatabase:ConnectionString", $"Host=127.0.0.1;Port={deadPort};Username=assistant;Password=TopSecret42;Database=assistant;Timeout=5")));
        await using var _ = app;

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => AssistantSilo.StartAsync(app));

        Assert.StartsWith($"AppDatabase: cannot connect to PostgreSQL at 127.0.0.1:{deadPort}, database 'assistant'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloProcess_WithBadSetting_ExitsWithOneClearLine()
    {
        using var folder = new TempDirectory();
        await using var silo = DotnetRunProcess.Start("Silo", folder.Path, new Dictionary<string, string> { ["GrainStorage__Provider"] = "Mongo" });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var lines = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Equal("Configuration error: GrainStorage:Provider has unknown value 'Mongo'; use one of: Sqlite, AdoNet.", line);
    }
}
