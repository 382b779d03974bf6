namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// Exports of one answered question (key: <c>export_&lt;conversation id&gt;</c>). An export re-runs the answer's
/// stored SQL through the database's guarded path, so access is checked again at the moment of the press.
/// One call at a time per answer: a second press while the first runs waits and is told it was a duplicate.
/// </summary>
[Alias("OrleansAssistant.IAnswerExportGrain")]
public interface IAnswerExportGrain : IGrainWithStringKey
{
    /// <param name="userId">Who is asking; only the person who asked the question may export its answer.</param>
    [Alias("Export")]
    Task<ExportResult> ExportAsync(long userId, ExportFormat format, ExportDelivery delivery);
}
