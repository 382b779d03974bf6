using Orleans.Concurrency;

namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>Receives stage transitions while a question runs (the bot edits its progress message).</summary>
[Alias("OrleansAssistant.IQuestionProgress")]
public interface IQuestionProgress : IGrainObserver
{
    [OneWay, Alias("OnStage")]
    void OnStage(QuestionStage stage);
}
