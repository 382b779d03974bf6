namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// One hit of <see cref="ExampleIndex.Search"/>. <see cref="Score"/> orders the hits (BM25, or the fused rank score when
/// embeddings take part) and means nothing across questions; <see cref="Similarity"/> (0–1) is comparable with a threshold.
/// </summary>
public readonly record struct RankedExample(long ExampleId, double Score, double Similarity);
