using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

/// <summary>The fake model server's <c>/embeddings</c> speaks OpenAI's wire format, whichever encoding is asked for.</summary>
public sealed class FakeEmbeddingsEndpointTests : IAsyncLifetime
{
    private readonly FakeModelServer _server = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Embeddings_FloatFormat_ListsOneVectorPerInputWithUsage()
    {
        using var reply = await PostAsync(new { model = "embed", input = new[] { "total sales", "orders by region" } });

        var json = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("list", json.GetProperty("object").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal(1, data[1].GetProperty("index").GetInt32());
        var vector = data[0].GetProperty("embedding").EnumerateArray().Select(value => value.GetSingle()).ToArray();
        Assert.Equal(FakeEmbeddings.VectorOf("total sales"), vector);
        Assert.Equal(5, json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal("embed", json.GetProperty("model").GetString());
        Assert.Single(_server.EmbeddingRequests);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Embeddings_Base64Format_CarriesLittleEndianFloats()
    {
        using var reply = await PostAsync(new { model = "embed", input = "total sales", encoding_format = "base64", dimensions = 8 });

        var json = await reply.Content.ReadFromJsonAsync<JsonElement>();
        var bytes = Convert.FromBase64String(json.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var vector = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray();
        Assert.Equal(FakeEmbeddings.VectorOf("total sales", 8), vector);
    }

    [Fact]
    public async Task Embeddings_NoInput_Refused400()
    {
        using var reply = await PostAsync(new { model = "embed" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
    }

    [Fact]
    public void FakeVectors_TextsSharingWords_LieNearer()
    {
        var question = FakeEmbeddings.VectorOf("total sales by region");
        var near = FakeEmbeddings.VectorOf("total sales by region last year");
        var far = FakeEmbeddings.VectorOf("shipping delays per carrier");

        Assert.True(Cosine(question, near) > Cosine(question, far));
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private Task<HttpResponseMessage> PostAsync(object body) => _http.PostAsJsonAsync(new Uri(_server.BaseUrl, "embeddings"), body);
}
