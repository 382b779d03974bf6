namespace OrleansAssistant.Benchmarks;

/// <summary>Which measurements to run.</summary>
internal enum Suite
{
    All,
    Startup,
    Storage,
    Query,
    Pipeline,
    Dashboard,
    /// <summary>Simulated bot users against silo processes; needs PostgreSQL and minutes, so <c>all</c> leaves it out.</summary>
    Load,
    /// <summary>Chart rendering and export writing, in this process; quick, but <c>all</c> leaves it out to keep its report unchanged.</summary>
    Charts,
    /// <summary>The verified library's effect on tokens and answer time; minutes of fixed model latency, so <c>all</c> leaves it out.</summary>
    Verified,
    /// <summary>Finding verified examples in a 10,000-question library, in this process; its own options and report, run before the others are parsed.</summary>
    Retrieval,
    /// <summary>Many schedules due in the same minute on one silo; minutes of waiting for that minute, so <c>all</c> leaves it out.</summary>
    Schedules,
    /// <summary>One organization's budget grain under many callers, and questions racing for the last of a budget; <c>all</c> leaves it out.</summary>
    Budgets,
    /// <summary>The rows stage 2 sends the model, before and after dropping needless escapes; in this process, seconds.</summary>
    Rows,
}
