namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>The files an answer's rows can be taken away as.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ExportFormat")]
public enum ExportFormat
{
    Csv = 0,
    Xlsx = 1,
    Json = 2,
}
