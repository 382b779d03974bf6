namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>One hit of a search: the ranking score (higher is better) and the 0–1 similarity of the questions.</summary>
public readonly record struct RankedExample(long ExampleId, double Score, double Similarity);
