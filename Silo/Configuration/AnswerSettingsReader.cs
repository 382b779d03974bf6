using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.VerifiedQueries;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Reads <c>Answers:*</c>: how questions use the verified library (few-shot examples, repeats, the stage-1 prompt cap).</summary>
public static class AnswerSettingsReader
{
    private const string Section = "Answers";

    public static VerifiedAnswerSettings Read(IConfiguration configuration)
    {
        var defaults = VerifiedAnswerSettings.Default;
        return defaults with
        {
            ExampleCount = SettingReader.WholeNumber(configuration, $"{Section}:ExampleCount", defaults.ExampleCount, 0, 20, "examples"),
            RepeatSimilarity = Similarity(configuration, $"{Section}:RepeatSimilarity", defaults.RepeatSimilarity),
            Mode = SettingReader.Enum(configuration, $"{Section}:VerifiedAnswerMode", defaults.Mode),
            Stage1PromptTokenCap = SettingReader.WholeNumber(configuration, $"{Section}:Stage1PromptTokenCap", defaults.Stage1PromptTokenCap, 500, 1_000_000, "tokens"),
        };
    }

    // Below 0.5 nearly any question would run some other question's SQL.
    private static double Similarity(IConfiguration configuration, string key, double fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0.5 and <= 1.0) return value;
        throw new InvalidSettingException(key, $"must be a number from 0.5 to 1 (1 = the same words only; got '{raw}').");
    }
}
