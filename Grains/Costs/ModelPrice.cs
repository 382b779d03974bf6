namespace OrleansAssistant.Grains.Costs;

/// <summary>USD per one million tokens of a model, in force from <see cref="EffectiveFrom"/> until the model's next price.</summary>
public sealed record ModelPrice(string Model, decimal InputPerMillion, decimal OutputPerMillion, DateTimeOffset EffectiveFrom);
