using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// What this process has learnt each model's endpoint accepts: the structured-output level that works and
/// whether it takes a thinking setting. Learnt from refusals, kept for the process's life, logged once per step.
/// </summary>
internal sealed class EndpointProfile(ModelSettings settings, ILogger logger)
{
    private readonly ConcurrentDictionary<string, StructuredOutputMode> _levels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refusesThinking = new(StringComparer.Ordinal);

    /// <summary>The level to ask <paramref name="model"/> with now; never <see cref="StructuredOutputMode.Auto"/>.</summary>
    public StructuredOutputMode LevelFor(string model) =>
        settings.StructuredOutput == StructuredOutputMode.Auto
            ? _levels.GetOrAdd(model, StructuredOutputMode.JsonSchemaStrictSubset)
            : settings.StructuredOutput;

    /// <summary>After the endpoint refused <paramref name="refused"/>: moves to the next level, if Auto may.</summary>
    /// <returns>Whether there is a lower level to try.</returns>
    public bool StepDown(string model, StructuredOutputMode refused, string endpointWords)
    {
        if (settings.StructuredOutput != StructuredOutputMode.Auto) return false;
        var next = refused switch
        {
            StructuredOutputMode.JsonSchemaStrictSubset or StructuredOutputMode.JsonSchema => StructuredOutputMode.JsonObject,
            StructuredOutputMode.JsonObject => StructuredOutputMode.PromptOnly,
            _ => (StructuredOutputMode?)null,
        };
        if (next is not { } lower) return false;
        // Two calls refused at once both step from the same level; only the one that moves it logs.
        if (_levels.TryUpdate(model, lower, refused)) ModelClientLog.SteppedDown(logger, model, refused, lower, endpointWords);
        return true;
    }

    public bool SendsThinking(string model, ThinkingEffort effort) => effort != ThinkingEffort.Default && !_refusesThinking.ContainsKey(model);

    public void RefusesThinking(string model, string endpointWords)
    {
        if (_refusesThinking.TryAdd(model, true)) ModelClientLog.ThinkingRefused(logger, model, endpointWords);
    }
}
