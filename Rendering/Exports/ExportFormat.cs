namespace OrleansAssistant.Rendering.Exports;

/// <summary>The files an answer's rows can be taken away as.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
}
