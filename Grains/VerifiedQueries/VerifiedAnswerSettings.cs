using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.VerifiedQueries;

/// <summary>How the verified library is used for questions (<c>Answers:*</c>) and how large it may grow.</summary>
public sealed record VerifiedAnswerSettings
{
    public static readonly VerifiedAnswerSettings Default = new();

    /// <summary><c>Answers:ExampleCount</c>: the most similar verified examples stage 1 sees (0 turns few-shot off).</summary>
    public int ExampleCount { get; init; } = 3;

    /// <summary>
    /// <c>Answers:RepeatSimilarity</c>: how similar (0–1) a question must be to a verified one to run its SQL without stage 1.
    /// 1 (the default) means the same words once case, spacing and punctuation are set aside.
    /// </summary>
    public double RepeatSimilarity { get; init; } = 1.0;

    /// <summary><c>Answers:VerifiedAnswerMode</c>: stage 2 writes the sentence (Summary) or nothing calls a model (Template).</summary>
    public VerifiedAnswerMode Mode { get; init; } = VerifiedAnswerMode.Summary;

    /// <summary><c>Answers:Stage1PromptTokenCap</c>: examples and glossary are left out rather than push stage 1's prompt over this.</summary>
    public int Stage1PromptTokenCap { get; init; } = 6_000;

    /// <summary>Examples one database's library may hold.</summary>
    public int MaxExamplesPerDatabase { get; init; } = 20_000;

    public int MaxQuestionLength { get; init; } = 2_000;

    public int MaxSqlLength { get; init; } = 20_000;

    public int MaxNotesLength { get; init; } = 2_000;

    public int MaxGlossaryEntries { get; init; } = 200;

    public int MaxGlossaryTermLength { get; init; } = 100;

    public int MaxGlossaryMeaningLength { get; init; } = 500;

    /// <summary>Rows a trial run (and the check before verifying) shows.</summary>
    public int PreviewRows { get; init; } = 20;
}
