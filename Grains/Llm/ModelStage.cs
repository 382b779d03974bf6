namespace OrleansAssistant.Grains.Llm;

/// <summary>The pipeline stages that call a model; each has its own model and thinking setting.</summary>
public enum ModelStage
{
    /// <summary>Stage 1 (and its repair round): question to structured summary and SQL.</summary>
    Summary,

    /// <summary>Stage 2: rows to answer.</summary>
    Answer,

    /// <summary>Stage 3: structured e-mail draft.</summary>
    Email,
}
