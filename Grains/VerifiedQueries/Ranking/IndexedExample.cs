namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>What the index keeps of one example: its ranking terms (for removal), its words (for similarity), its unit vector.</summary>
internal sealed record IndexedExample(
    long ExampleId,
    string RepeatKey,
    int[] TermIds,
    int Length,
    LexicalSimilarity.WeightedWord[] Words,
    float WordWeight,
    float[]? Vector);
