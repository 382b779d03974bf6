namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The load suite: one run, or the matrix of runs, and the command throughput of each cluster.</summary>
internal sealed record LoadResult(IReadOnlyList<LoadRunResult> Runs, IReadOnlyList<string> Method, IReadOnlyList<CommandBurstResult> Commands);
