using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// The model endpoint for the load runs: OpenAI chat completions with usage tokens, every reply held for a fixed
/// latency. Stage 1 (structured) asks for <see cref="StageOneSql"/> on <see cref="SalesTable"/>, stage 2 (plain text)
/// returns the same short answer.
/// </summary>
internal sealed class SlowModel : IAsyncDisposable
{
    public const string AnswerText = "North sold the most, followed by West, South and East.";

    // Typical of a real stage 1 and stage 2 call, so the cost ledger does real arithmetic.
    private const int SummaryInputTokens = 800;
    private const int SummaryOutputTokens = 60;
    private const int AnswerInputTokens = 600;
    private const int AnswerOutputTokens = 40;

    private readonly FakeModelServer _server = new();
    private long _latencyTicks;
    private volatile string _stageOneSql = SalesTable.SalesByRegion;

    /// <summary>How long each reply is held; changed between runs that share a cluster.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The SQL stage 1 writes for every question; changed between runs that share a cluster.</summary>
    public string StageOneSql
    {
        get => _stageOneSql;
        set => _stageOneSql = value;
    }

    public Uri BaseUrl => _server.BaseUrl;

    public int Requests => _server.Requests.Count;

    public static async Task<SlowModel> StartAsync()
    {
        var model = new SlowModel();
        model._server.Respond(request => (request.ResponseFormatType is null
            ? ScriptedReply.Text(AnswerText, AnswerInputTokens, AnswerOutputTokens)
            : ScriptedReply.Json(new { way = "SqlQuery", sql = model.StageOneSql, answer = (string?)null }, SummaryInputTokens, SummaryOutputTokens))
            .After(model.Latency));
        await model._server.StartAsync();
        return model;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
