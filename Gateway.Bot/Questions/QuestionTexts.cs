using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>What a person reads about their question's place in line.</summary>
public static class QuestionTexts
{
    /// <summary>The line was full: the question is dropped, and the text says so.</summary>
    public static readonly string NotTaken =
        $"I did NOT take this question: I'm still answering your earlier one and {AskAdmission.MaxWaiting} more are waiting. " +
        "Please send it again once those are answered.";

    /// <summary>The progress message's first text, when the answer takes longer than a moment.</summary>
    public const string Understanding = "Understanding your question…";

    /// <summary>Shown in place of progress while a question waits behind an earlier one of the same person.</summary>
    public const string InLine = "In line: I'll answer this right after your earlier question.";
}
