namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>What the index keeps of one example: its ranking terms (for removal), and its words (for similarity).</summary>
internal sealed record IndexedExample(
    long ExampleId,
    string RepeatKey,
    int[] TermIds,
    int Length,
    LexicalSimilarity.WeightedWord[] Words,
    float WordWeight);
