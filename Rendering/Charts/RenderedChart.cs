namespace OrleansAssistant.Rendering.Charts;

/// <summary>A chart as PNG bytes, with a note for the caption when the picture leaves something out (thinned points, an "Other" slice).</summary>
public sealed record RenderedChart(ChartKind Kind, byte[] Png, string? Note);
