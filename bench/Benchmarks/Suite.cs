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
}
