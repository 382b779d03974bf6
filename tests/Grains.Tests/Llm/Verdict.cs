namespace OrleansAssistant.Grains.Tests.Llm;

/// <summary>A small structured reply with an enum, the shape of the pipeline's summaries.</summary>
public sealed record Verdict(Mood Mood, string Reason, int Score);

public enum Mood
{
    Calm,
    Stormy,
}
