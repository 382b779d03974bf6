namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>The buttons an answer can carry, in the one order they always appear (later features add theirs at the end).</summary>
internal enum AnswerButton
{
    Helpful = 0,
    NotHelpful = 1,
    Csv = 2,
    Excel = 3,
    Json = 4,
    Schedule = 5,
    /// <summary>Only under an answer whose result is one number.</summary>
    Alert = 6,
}
