namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>Where a question is in the pipeline, for progress shown to the asker.</summary>
[GenerateSerializer, Alias("OrleansAssistant.QuestionStage")]
public enum QuestionStage
{
    Understanding = 0,
    Querying = 1,
    WritingAnswer = 2,
    DraftingEmail = 3,
}
