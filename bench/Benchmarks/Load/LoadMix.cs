namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What a simulated user does next, and how long they think first; tune the constants to change the mix.</summary>
internal static class LoadMix
{
    public const int QuestionPercent = 70;
    public const int StatsPercent = 10;
    public const int HistoryPercent = 10;
    // The rest (10 %) is /selectdb and a press on the database button.

    // Each user acts every 5–15 s, so a question comes at most every few seconds, well inside the
    // user grain's limit (1 a second, bursts of 3): refusals then mean the system, not the mix, is off.
    public static readonly TimeSpan ThinkMin = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ThinkMax = TimeSpan.FromSeconds(15);

    // Questions vary in wording (the model is fake; the conversation window and ledger still see different text).
    private static readonly string[] Questions =
    [
        "What were our sales by region, leaving out cancelled orders?",
        "Which region sold the most?",
        "Show me sales per region without the cancelled ones",
        "How are the regions doing in sales?",
    ];

    public static UserAction Pick(Random random)
    {
        var roll = random.Next(100);
        return roll < QuestionPercent ? UserAction.Question
            : roll < QuestionPercent + StatsPercent ? UserAction.Stats
            : roll < QuestionPercent + StatsPercent + HistoryPercent ? UserAction.History
            : UserAction.SelectDatabase;
    }

    public static string Question(Random random) => Questions[random.Next(Questions.Length)];

    public static TimeSpan Think(Random random) => ThinkMin + (ThinkMax - ThinkMin) * random.NextDouble();
}
