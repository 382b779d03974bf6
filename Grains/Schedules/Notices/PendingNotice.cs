using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Notices;

/// <summary>A notice about to be written with the run that produced it.</summary>
public sealed record PendingNotice(string ScheduleId, string? RunId, long UserId, long ChatId, ScheduleNoticeKind Kind, NoticePayload Payload);
