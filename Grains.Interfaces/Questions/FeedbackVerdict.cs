namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>The asker's verdict on an answer; stored as +1 / -1.</summary>
[GenerateSerializer, Alias("OrleansAssistant.FeedbackVerdict")]
public enum FeedbackVerdict
{
    Helpful = 1,
    NotHelpful = -1,
}
