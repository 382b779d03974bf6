using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>
/// The model endpoint: a fake that holds every reply for a fixed latency per stage and bills input tokens by the size
/// of what it was sent (o200k tokens, the product's own estimate), so a prompt grown by few-shot examples costs what it should. Stage 1 always
/// asks for sales by region; stage 2 returns a short sentence.
/// </summary>
internal sealed class VerifiedBenchmarkModel(VerifiedBenchmarkOptions options) : IAsyncDisposable
{
    private const int SummaryOutputTokens = 60;
    private const int AnswerOutputTokens = 40;

    private static readonly object SalesByRegion = new { way = "SqlQuery", sql = DemoQueries.SalesByRegion, answer = (string?)null };

    private readonly FakeModelServer _server = new();

    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Stage-1 requests (structured) so far.</summary>
    public int StageOneCalls => _server.Requests.Count(request => request.ResponseFormatType is not null);

    public int Calls => _server.Requests.Count;

    public async Task StartAsync()
    {
        _server.Respond(request =>
        {
            var inputTokens = request.Messages.Sum(message => TokenEstimate.Of(message.Content));
            return request.ResponseFormatType is null
                ? ScriptedReply.Text("North leads, followed by West and South.", inputTokens, AnswerOutputTokens).After(TimeSpan.FromMilliseconds(options.StageTwoMs))
                : ScriptedReply.Json(SalesByRegion, inputTokens, SummaryOutputTokens).After(TimeSpan.FromMilliseconds(options.StageOneMs));
        });
        await _server.StartAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
