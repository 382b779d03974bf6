using System.Globalization;
using Xunit.Abstractions;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>The figures of a fault run, printed to the test output for the report.</summary>
internal sealed record FaultFigures(
    IReadOnlyList<AskedQuestion> Asked,
    IReadOnlySet<long> Moved,
    TimeSpan KilledAt,
    TimeSpan UntilDead,
    int DuplicateReplies,
    int DuplicateRows,
    int ConversationRows,
    int ModelCalls)
{
    private IEnumerable<AskedQuestion> AnsweredAfterKill => Asked.Where(question => question.SentAt >= KilledAt && question.Answered);

    /// <summary>Service is back when a question asked after the kill is answered.</summary>
    public TimeSpan? FirstAnswerAfterKill => AnsweredAfterKill.Min(question => question.RepliedAt - KilledAt);

    public TimeSpan? FirstAnswerToMovedUser => AnsweredAfterKill.Where(question => Moved.Contains(question.UserId)).Min(question => question.RepliedAt - KilledAt);

    public void WriteTo(ITestOutputHelper output)
    {
        output.WriteLine($"questions sent:                       {Asked.Count}");
        output.WriteLine($"answered:                             {Asked.Count(question => question.Answered)}");
        output.WriteLine($"\"please retry\":                       {Asked.Count(question => question.ToldToRetry)}");
        output.WriteLine($"other replies:                        {Asked.Count(question => question.Other)}");
        output.WriteLine($"lost (no final reply):                {Asked.Count(question => question.Lost)}");
        output.WriteLine($"duplicated replies:                   {DuplicateReplies}");
        output.WriteLine($"duplicated conversation rows:         {DuplicateRows}");
        output.WriteLine($"conversation rows / model calls:      {ConversationRows} / {ModelCalls}");
        output.WriteLine($"questions in flight at the kill:      {Asked.Count(question => question.SentAt < KilledAt && question.RepliedAt > KilledAt)}");
        output.WriteLine($"users whose grains were on the killed silo: {Moved.Count} of {FaultUsers.Count}");
        output.WriteLine($"killed silo marked Dead after:        {Seconds(UntilDead)}");
        output.WriteLine($"first answer to a question asked after the kill:      {Seconds(FirstAnswerAfterKill)}");
        output.WriteLine($"  ... from a user whose grain was on the killed silo: {Seconds(FirstAnswerToMovedUser)}");
        output.WriteLine($"slowest final reply:                  {Seconds(Asked.Max(question => question.RepliedAt - question.SentAt))}");
        output.WriteLine("questions asked around the kill (seconds relative to the kill: sent → replied):");
        foreach (var question in Asked.Where(question => (question.SentAt - KilledAt).Duration() < TimeSpan.FromSeconds(3)).OrderBy(question => question.SentAt))
        {
            output.WriteLine($"  {question.Token,-14} {Seconds(question.SentAt - KilledAt),8} → {Seconds(question.RepliedAt - KilledAt),8}");
        }
    }

    private static string Seconds(TimeSpan? span) =>
        span is { } value ? value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "none";
}
