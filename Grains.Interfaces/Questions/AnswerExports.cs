namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>Keys of <see cref="IAnswerExportGrain"/>: one grain per answered question.</summary>
public static class AnswerExports
{
    public const string KeyPrefix = "export_";

    public static string KeyOf(string conversationId) => KeyPrefix + conversationId;
}
