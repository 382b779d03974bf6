using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Llm;

/// <summary>
/// The start-up and periodic check of the model endpoint, as an operator sees it: the <c>model-endpoint</c>
/// entry of <c>/healthz</c> over real HTTP, <c>/ready</c>, and the silo's log. A real silo talks to the fake
/// model server; the checks' clock is a <see cref="FakeTimeProvider"/>, so a period passes when the test says.
/// </summary>
public sealed class ModelHealthCheckTests : IAsyncLifetime
{
    private const string ApiKey = "health-check-key-0123";
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _folder = new();
    private readonly FakeModelServer _model = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly LogRecorder _logs = new();
    private Dictionary<string, string?> _settings = [];
    private InProcessSilo? _silo;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        await _model.StartAsync();
        _settings = InProcessSilo.BaseSettings(_folder.Path);
        _settings["Model:BaseUrl"] = _model.BaseUrl.ToString();
        _settings["Model:ApiKey"] = ApiKey;
        _settings["Model:SummaryModel"] = "summary-model";
        _settings["Model:AnswerModel"] = "answer-model";
        _settings["Model:EmailModel"] = "email-model";
    }

    [Fact]
    public async Task EveryModelListed_EntryShowsEachPresent_AndHealthzIsHealthy()
    {
        // Gemini lists some ids as "models/<name>"; both forms count.
        _model.OfferModels("models/summary-model", "answer-model", "email-model", "someone-elses-model");

        await StartSiloAsync();
        var (status, body) = await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var entry = ModelEntry(body);
        Assert.Equal("Healthy", entry.GetProperty("status").GetString());
        var data = entry.GetProperty("data");
        Assert.True(data.GetProperty("reachable").GetBoolean());
        Assert.Equal("modelList", data.GetProperty("method").GetString());
        Assert.Equal(("present", "present", "present"), Presences(data));
        Assert.Equal("summary-model", data.GetProperty("models").GetProperty("Model:SummaryModel").GetProperty("model").GetString());
        Assert.Equal($"Bearer {ApiKey}", Assert.Single(_model.ModelListRequests).AuthorizationHeader);
        Assert.Empty(_model.Requests);
        Assert.Equal(HttpStatusCode.OK, await ReadyStatusAsync());
    }

    [Fact]
    public async Task ModelNotListed_EntryShowsItMissing_HealthzStays200_AndTheWarningIsLoggedOnceAcrossPeriods()
    {
        _model.OfferModels("summary-model", "email-model");

        await StartSiloAsync();
        var started = _clock.GetUtcNow();
        var (firstStatus, first) = await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));
        _clock.Advance(Period);
        var (secondStatus, second) = await HealthzAsync(data => CheckedAt(data) == started + Period);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstStatus, secondStatus));
        Assert.Equal("Degraded", second.GetProperty("status").GetString());
        var entry = ModelEntry(second);
        Assert.Equal("Degraded", entry.GetProperty("status").GetString());
        Assert.Contains("answer-model (Model:AnswerModel) missing", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(("present", "missing", "present"), Presences(entry.GetProperty("data")));
        Assert.Equal(("present", "missing", "present"), Presences(ModelEntry(first).GetProperty("data")));
        Assert.Equal(2, _model.ModelListRequests.Count);
        var warning = $"Warning {typeof(ModelEndpointCheckService).FullName}: Model answer-model (Model:AnswerModel) is not offered by {_model.BaseUrl}models; " +
            "questions will fail at that stage until the setting is changed.";
        Assert.Single(_logs.Lines, line => line.StartsWith(warning, StringComparison.Ordinal));
        Assert.Single(_logs.Lines, line => line.Contains("is not offered by", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await ReadyStatusAsync());
    }

    [Fact]
    public async Task MissingModelOfferedLater_EntryShowsItPresent_AndSaysSoOnce()
    {
        _model.OfferModels("summary-model", "email-model");
        await StartSiloAsync();
        var started = _clock.GetUtcNow();
        await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));

        _model.OfferModels("summary-model", "answer-model", "email-model");
        _clock.Advance(Period);
        await HealthzAsync(data => CheckedAt(data) == started + Period);
        _clock.Advance(Period);
        var (status, body) = await HealthzAsync(data => CheckedAt(data) == started + 2 * Period);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", ModelEntry(body).GetProperty("status").GetString());
        Assert.Equal(("present", "present", "present"), Presences(ModelEntry(body).GetProperty("data")));
        Assert.Single(_logs.Lines, line => line.Contains("Model answer-model (Model:AnswerModel) is not offered by", StringComparison.Ordinal));
        Assert.Single(_logs.Lines, line => line.Contains($"Model answer-model (Model:AnswerModel) is offered by {_model.BaseUrl} again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndpointUnreachable_EntryShowsUnreachable_HealthzAndReadyStay200_AndOneLineIsLogged()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/v1/");
        _settings["Model:BaseUrl"] = closed.ToString();

        await StartSiloAsync();
        var started = _clock.GetUtcNow();
        await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));
        _clock.Advance(Period);
        var (status, body) = await HealthzAsync(data => CheckedAt(data) == started + Period);

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = ModelEntry(body);
        Assert.Equal("Degraded", entry.GetProperty("status").GetString());
        var data = entry.GetProperty("data");
        Assert.False(data.GetProperty("reachable").GetBoolean());
        Assert.Equal("unreachable", data.GetProperty("state").GetString());
        Assert.Equal(closed.ToString(), data.GetProperty("endpoint").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("problem").GetString()));
        Assert.Equal(("unknown", "unknown", "unknown"), Presences(data));
        Assert.Single(_logs.Lines, line => line.Contains($"Model endpoint {closed} is unreachable", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await ReadyStatusAsync());
    }

    [Fact]
    public async Task ListingUnsupported_FallsBackToOneTokenCalls_AndA404ModelIsMissing()
    {
        _model.RefuseModelListing();
        _model.Respond(request => request.Model == "answer-model" ? ScriptedReply.Error(404) : ScriptedReply.Text("OK", 5, 1));

        await StartSiloAsync();
        var (status, body) = await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));

        Assert.Equal(HttpStatusCode.OK, status);
        var data = ModelEntry(body).GetProperty("data");
        Assert.True(data.GetProperty("reachable").GetBoolean());
        Assert.Equal("oneTokenCalls", data.GetProperty("method").GetString());
        Assert.Equal(("present", "missing", "present"), Presences(data));
        Assert.Single(_model.ModelListRequests);
        var calls = _model.Requests;
        Assert.Equal(["summary-model", "answer-model", "email-model"], calls.Select(call => call.Model));
        Assert.All(calls, call => Assert.Equal(1, call.Body.RootElement.GetProperty("max_tokens").GetInt32()));
        Assert.All(calls, call => Assert.Equal($"Bearer {ApiKey}", call.AuthorizationHeader));
        Assert.Single(_logs.Lines, line => line.Contains("Model answer-model (Model:AnswerModel) is not offered by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoKey_ReportsNotConfigured_WithoutAnyRequest()
    {
        _settings["Model:ApiKey"] = "";
        // A developer's own key must not turn this into a real call.
        _settings["GEMINI_API_KEY"] = "";

        await StartSiloAsync();
        var (status, body) = await HealthzAsync(data => data.TryGetProperty("checkedAt", out _));

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = ModelEntry(body);
        Assert.Equal("Degraded", entry.GetProperty("status").GetString());
        Assert.StartsWith("not configured", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        var data = entry.GetProperty("data");
        Assert.Equal("notConfigured", data.GetProperty("state").GetString());
        Assert.Equal(("unknown", "unknown", "unknown"), Presences(data));
        Assert.Empty(_model.ModelListRequests);
        Assert.Empty(_model.Requests);
        Assert.Equal(HttpStatusCode.OK, await ReadyStatusAsync());
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_silo is not null) await _silo.DisposeAsync();
        await _model.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task StartSiloAsync()
    {
        _silo = await InProcessSilo.StartAsync(_settings, services =>
        {
            services.AddKeyedSingleton<TimeProvider>(ModelEndpointCheckService.ClockKey, _clock);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _http = new HttpClient { BaseAddress = new Uri(_settings["Dashboard:Urls"]!), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Reads <c>/healthz</c> until its model entry satisfies <paramref name="done"/> (the check runs beside start-up).</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthzAsync(Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var response = await _http!.GetAsync(new Uri("/healthz", UriKind.Relative));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (done(ModelEntry(body).GetProperty("data"))) return (response.StatusCode, body);
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"The model-endpoint entry never got there; last /healthz: {body}");
            await Task.Delay(50);
        }
    }

    private async Task<HttpStatusCode> ReadyStatusAsync()
    {
        using var response = await _http!.GetAsync(new Uri("/ready", UriKind.Relative));
        return response.StatusCode;
    }

    private static JsonElement ModelEntry(JsonElement healthz) => healthz.GetProperty("checks").GetProperty("model-endpoint");

    private static DateTimeOffset? CheckedAt(JsonElement data) =>
        data.TryGetProperty("checkedAt", out var checkedAt) ? checkedAt.GetDateTimeOffset() : null;

    private static (string?, string?, string?) Presences(JsonElement data)
    {
        var models = data.GetProperty("models");
        return (Presence("Model:SummaryModel"), Presence("Model:AnswerModel"), Presence("Model:EmailModel"));
        string? Presence(string setting) => models.GetProperty(setting).GetProperty("presence").GetString();
    }
}
