namespace OrleansAssistant.Grains.Llm;

/// <summary>The latest <see cref="ModelHealthReport"/> of this silo, for <c>/healthz</c>; one instance per silo.</summary>
public sealed class ModelHealth(ModelSettings settings)
{
    private ModelHealthReport _latest = ModelHealthReport.NotChecked(settings);

    public ModelHealthReport Latest => Volatile.Read(ref _latest);

    internal void Record(ModelHealthReport report) => Volatile.Write(ref _latest, report);
}
