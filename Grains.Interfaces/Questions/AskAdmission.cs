namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>What became of a question handed to the user grain's line.</summary>
[GenerateSerializer, Alias("OrleansAssistant.AskAdmissionOutcome")]
public enum AskAdmissionOutcome
{
    /// <summary>In this person's line; <see cref="AskAdmission.Ahead"/> questions are answered first.</summary>
    InLine = 0,
    /// <summary>A question is running and the line is full: this one was not taken and must be sent again later.</summary>
    LineFull = 1,
    /// <summary>Already settled: a refusal (not registered, no database …) or the stored answer of a repeated request.</summary>
    Answered = 2,
}

/// <summary>The user grain's reply to <c>QueueAskAsync</c>; the answer of a question in line comes from <c>AskAsync</c>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.AskAdmission")]
public sealed record AskAdmission(
    [property: Id(0)] AskAdmissionOutcome Outcome,
    [property: Id(1)] int Ahead = 0,
    [property: Id(2)] QuestionAnswer? Answer = null)
{
    /// <summary>Questions of one person that may wait behind the running one; any further question is not taken.</summary>
    public const int MaxWaiting = 3;
}
