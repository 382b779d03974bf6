namespace OrleansAssistant.Benchmarks.Load;

/// <summary>One thing a simulated user does through the bot.</summary>
internal enum UserAction
{
    Question,
    Stats,
    History,
    SelectDatabase,
}
