using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Llm;

/// <summary>A <see cref="ModelClient"/> wired as in production (<c>AddModelClient</c>) against a fresh <see cref="FakeModelServer"/>.</summary>
internal sealed class ModelClientHarness : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    private readonly ServiceProvider _services;

    private ModelClientHarness(FakeModelServer server, ModelSettings settings)
    {
        Server = server;
        Settings = settings;
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddModelClient(settings)
            .BuildServiceProvider();
        Client = _services.GetRequiredService<ModelClient>();
    }

    public FakeModelServer Server { get; }

    public ModelSettings Settings { get; }

    public ModelClient Client { get; }

    public LogRecorder Logs { get; } = new();

    /// <param name="adjust">Changes to the test defaults: the fake's URL, a key, 5 s attempts, 10 ms backoff.</param>
    public static async Task<ModelClientHarness> StartAsync(Func<ModelSettings, ModelSettings>? adjust = null)
    {
        var server = new FakeModelServer();
        await server.StartAsync();
        var settings = new ModelSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = ApiKey,
            SummaryModel = "summary-model",
            AnswerModel = "answer-model",
            EmailModel = "email-model",
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        return new ModelClientHarness(server, adjust?.Invoke(settings) ?? settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
