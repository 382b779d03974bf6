namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>How an answer from a verified example is written (<c>Answers:VerifiedAnswerMode</c>).</summary>
[GenerateSerializer, Alias("OrleansAssistant.VerifiedAnswerMode")]
public enum VerifiedAnswerMode
{
    /// <summary>Stage 2 writes the sentence from the rows, as for any question; stage 1 is skipped.</summary>
    Summary = 0,
    /// <summary>No model call at all: the gateway shows the result with a fixed lead-in.</summary>
    Template = 1,
}
