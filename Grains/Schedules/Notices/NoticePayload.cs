using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Notices;

/// <summary>What a notice row keeps besides its keys, as JSON in <c>Payload</c>; the chart is drawn from the rows when it is taken.</summary>
public sealed record NoticePayload(
    string Title,
    ScheduleKind ScheduleKind,
    DateTimeOffset DueAt,
    string Text = "",
    IReadOnlyList<ResultColumn>? Columns = null,
    IReadOnlyList<IReadOnlyList<string?>>? Rows = null,
    bool Truncated = false,
    decimal? Value = null,
    AlertRule? Alert = null,
    PauseReason PauseReason = PauseReason.None,
    string? Error = null,
    IReadOnlyList<StageUsage>? Usage = null,
    string? Sql = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public QueryResult? Result => Columns is null || Rows is null ? null : new QueryResult(QueryOutcome.Succeeded, null, Columns, Rows, Truncated, null, TimeSpan.Zero);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NoticePayload FromJson(string json) =>
        JsonSerializer.Deserialize<NoticePayload>(json, Json) ?? throw new JsonException("A schedule notice's payload is empty.");
}
