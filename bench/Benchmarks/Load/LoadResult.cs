namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The load suite: one run, or the matrix of runs.</summary>
internal sealed record LoadResult(IReadOnlyList<LoadRunResult> Runs, IReadOnlyList<string> Method);
