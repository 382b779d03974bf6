namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>How stage 1 decided to answer.</summary>
[GenerateSerializer, Alias("OrleansAssistant.AnswerWay")]
public enum AnswerWay
{
    None = 0,
    SqlQuery = 1,
    Email = 2,
    Conversation = 3,
}
