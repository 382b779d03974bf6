using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Delivery;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>The JSON body a webhook receives: which schedule and run, and the result (columns and rows, or the value and its rule).</summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Of(ScheduledResult result)
    {
        var schedule = result.Schedule;
        var rows = schedule.Kind == ScheduleKind.Report ? result.Rows : null;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            scheduleId = schedule.ScheduleId,
            runId = result.RunId,
            title = schedule.Title,
            kind = result.Kind,
            dueAt = result.DueAt,
            columns = rows?.Columns.Select(column => column.Name),
            rows = rows?.Rows,
            truncated = rows?.Truncated,
            value = result.Value,
            rule = schedule.Kind == ScheduleKind.Alert ? schedule.Alert : null,
            text = result.Text.Length > 0 ? result.Text : null,
        }, Json);
    }
}
