namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <param name="Percent">Of all the silos' samples in the step.</param>
/// <param name="MsPerAnswer">The stage's share of the silos' measured CPU time per answer.</param>
internal sealed record CpuStageShare(string Stage, int Samples, double Percent, double MsPerAnswer);
