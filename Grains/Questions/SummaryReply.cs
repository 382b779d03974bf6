using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Stage 1's structured reply: how to answer, the SQL when data is needed, or the answer itself, and
/// optionally the chart the model would draw (only a tiebreak: the rows' shape decides).
/// </summary>
public sealed record SummaryReply(AnswerWay Way, string? Sql, string? Answer, ChartKind? Chart = null);

/// <summary>Stage 3's structured reply: the e-mail draft.</summary>
public sealed record MailReply(string[] To, string Subject, string Body);
