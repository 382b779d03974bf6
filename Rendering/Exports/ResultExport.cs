using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Rendering.Exports;

/// <summary>Writes an answer's rows as a file a person can take away.</summary>
public static class ResultExport
{
    public static Task WriteAsync(QueryResult result, ExportFormat format, Stream destination, CancellationToken cancellationToken) => format switch
    {
        ExportFormat.Csv => CsvExport.WriteAsync(result, destination, cancellationToken),
        ExportFormat.Xlsx => XlsxExport.WriteAsync(result, destination, cancellationToken),
        ExportFormat.Json => JsonExport.WriteAsync(result, destination, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ExtensionOf(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string MediaTypeOf(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Json => "application/json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
