namespace OrleansAssistant.Grains.Exports;

/// <summary>What an export or a schedule needs of an answered question: who asked, in which chat, where, when, and the SQL that answered it.</summary>
internal sealed record AnsweredQuery(long UserId, string? OrgId, string? DatabaseId, DateTimeOffset StartedAt, string Question, string? Sql, long ChatId);
