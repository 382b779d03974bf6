namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>The model each stage of a question uses: the organization's choice where it has a price in force, else the installation's.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.StageModels")]
public sealed record StageModels(
    [property: Id(0)] string Summary,
    [property: Id(1)] string Answer,
    [property: Id(2)] string Email);

/// <summary>An owner's choice of models; null for a stage keeps the installation's default.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ChosenModels")]
public sealed record ChosenModels(
    [property: Id(0)] string? Summary = null,
    [property: Id(1)] string? Answer = null,
    [property: Id(2)] string? Email = null)
{
    public static readonly ChosenModels Defaults = new();
}
