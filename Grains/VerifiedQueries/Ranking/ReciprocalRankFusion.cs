namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// Merges two rankings by reciprocal rank: each list gives an example 1 / (60 + rank), rank counted from 1, and the
/// sums are the new scores (the constant 60 is the usual one: it keeps the first few ranks from dominating).
/// </summary>
internal static class ReciprocalRankFusion
{
    /// <summary>How deep each ranking is read.</summary>
    public const int Depth = 50;

    private const int Smoothing = 60;

    public static Dictionary<int, double> Fuse(TopHits lexical, TopHits semantic)
    {
        var fused = new Dictionary<int, double>();
        Add(fused, lexical.TakeBestFirst());
        Add(fused, semantic.TakeBestFirst());
        return fused;
    }

    private static void Add(Dictionary<int, double> fused, TopHits.Hit[] ranking)
    {
        for (var rank = 0; rank < ranking.Length; rank++)
        {
            var slot = ranking[rank].Slot;
            fused[slot] = fused.GetValueOrDefault(slot) + 1.0 / (Smoothing + rank + 1);
        }
    }
}
