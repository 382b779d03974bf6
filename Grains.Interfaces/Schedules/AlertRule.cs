namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>An alert's rule: "when it is above / below / changes from <see cref="Threshold"/>".</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.AlertRule")]
public sealed record AlertRule(
    [property: Id(0)] AlertCondition Condition,
    [property: Id(1)] decimal Threshold)
{
    public bool IsCrossedBy(decimal value) => Condition switch
    {
        AlertCondition.Above => value > Threshold,
        AlertCondition.Below => value < Threshold,
        _ => value != Threshold,
    };
}
