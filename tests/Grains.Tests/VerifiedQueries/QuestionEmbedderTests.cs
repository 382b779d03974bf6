using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

/// <summary>The question embedder against the fake model server's <c>/embeddings</c>, wired as the silo wires it.</summary>
public sealed class QuestionEmbedderTests : IAsyncLifetime
{
    private const string ApiKey = "test-key-0123456789";
    private const string EmbeddingModel = "embed-model";
    private const string Question = "Total sales by region in 2024";

    private readonly FakeModelServer _server = new();
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task EmbedAsync_ModelSet_ReturnsTheEndpointsVectorAndItsTokens()
    {
        var embedder = Embedder();

        var reply = await embedder.EmbedAsync(Question, CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Equal(FakeEmbeddings.VectorOf(Question), reply.Value!, FloatComparer);
        Assert.Equal(FakeEmbeddings.TokensOf(Question), reply.InputTokens);
        Assert.Equal(0, reply.OutputTokens);
        Assert.Equal(EmbeddingModel, reply.Model);
        Assert.True(reply.Duration > TimeSpan.Zero);
        var request = Assert.Single(_server.EmbeddingRequests);
        Assert.EndsWith("/embeddings", request.Path, StringComparison.Ordinal);
        Assert.Equal(EmbeddingModel, request.Model);
        Assert.Equal($"Bearer {ApiKey}", request.AuthorizationHeader);
        Assert.Contains(Question, request.RawBody, StringComparison.Ordinal);
        Assert.Equal("base64", request.Body.RootElement.GetProperty("encoding_format").GetString()); // what the OpenAI client asks for
        Assert.Empty(_server.Requests); // no chat call
    }

    [Fact]
    public async Task EmbedAsync_SameTextTwice_SameVector()
    {
        var embedder = Embedder();

        var first = await embedder.EmbedAsync(Question, CancellationToken.None);
        var second = await embedder.EmbedAsync(Question, CancellationToken.None);

        Assert.Equal(first!.Value!, second!.Value!);
        Assert.Equal(2, _server.EmbeddingRequests.Count);
    }

    [Fact]
    public async Task EmbedAsync_DimensionsSet_AsksForThatLength()
    {
        var embedder = Embedder(settings => settings with { EmbeddingDimensions = 16 });

        var reply = await embedder.EmbedAsync(Question, CancellationToken.None);

        Assert.Equal(FakeEmbeddings.VectorOf(Question, 16), reply!.Value!, FloatComparer);
        Assert.Equal(16, Assert.Single(_server.EmbeddingRequests).Body.RootElement.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public async Task EmbedAsync_NoDimensionsSet_SendsNoneAndTakesTheModelsLength()
    {
        var reply = await Embedder().EmbedAsync(Question, CancellationToken.None);

        Assert.Equal(FakeEmbeddings.DefaultDimensions, reply!.Value!.Length);
        Assert.False(Assert.Single(_server.EmbeddingRequests).Body.RootElement.TryGetProperty("dimensions", out _));
    }

    [Theory]
    [InlineData(null, ApiKey)]
    [InlineData("", ApiKey)]
    [InlineData(EmbeddingModel, null)]
    public async Task EmbedAsync_ModelOrKeyMissing_IsOffAndCallsNothing(string? model, string? key)
    {
        var embedder = Embedder(settings => settings with { EmbeddingModel = model, ApiKey = key });

        Assert.False(embedder.IsEnabled);
        Assert.Null(await embedder.EmbedAsync(Question, CancellationToken.None));
        Assert.Empty(_server.EmbeddingRequests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task EmbedAsync_BlankText_ReturnsNullWithoutARequest(string text)
    {
        Assert.Null(await Embedder().EmbedAsync(text, CancellationToken.None));
        Assert.Empty(_server.EmbeddingRequests);
    }

    [Fact]
    public async Task EmbedAsync_ModelNotServed_ThrowsUnavailableNamingTheSetting()
    {
        _server.EnqueueEmbeddingError(404);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => Embedder().EmbedAsync(Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.ModelNotAvailable(EmbeddingModel, "Model:EmbeddingModel"), error.UserMessage);
        Assert.Single(_server.EmbeddingRequests); // a refusal is not retried
    }

    [Fact]
    public async Task EmbedAsync_RequestRefused_ThrowsUnavailableWithoutRetry()
    {
        _server.EnqueueEmbeddingError(400);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => Embedder().EmbedAsync(Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.RequestRefusedMessage, error.UserMessage);
        Assert.Contains("Scripted embeddings error 400", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.EmbeddingRequests);
    }

    [Fact]
    public async Task EmbedAsync_KeyRejected_ThrowsUnavailableMentioningTheKey()
    {
        _server.EnqueueEmbeddingError(401);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => Embedder().EmbedAsync(Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.KeyRejectedMessage, error.UserMessage);
    }

    [Fact]
    public async Task EmbedAsync_ServerErrorOnce_RetriedAndAnswered()
    {
        _server.EnqueueEmbeddingError(503);

        var reply = await Embedder().EmbedAsync(Question, CancellationToken.None);

        Assert.Equal(FakeEmbeddings.VectorOf(Question), reply!.Value!, FloatComparer);
        Assert.Equal(2, _server.EmbeddingRequests.Count);
    }

    private static readonly IEqualityComparer<float> FloatComparer = EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) < 1e-6f, value => 0);

    private QuestionEmbedder Embedder(Func<ModelSettings, ModelSettings>? adjust = null)
    {
        var settings = new ModelSettings
        {
            BaseUrl = _server.BaseUrl,
            ApiKey = ApiKey,
            EmbeddingModel = EmbeddingModel,
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        var provider = new ServiceCollection()
            .AddLogging()
            .AddModelClient(adjust?.Invoke(settings) ?? settings)
            .AddSingleton<QuestionEmbedder>()
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<QuestionEmbedder>();
    }
}
