using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>The model endpoint (section <c>Model</c>; the key also from <c>GEMINI_API_KEY</c>) and the seed prices (<c>ModelPrices</c>).</summary>
public static class ModelSettingsReader
{
    public const string Section = "Model";
    public const string KeyVariable = "GEMINI_API_KEY";

    public static ModelSettings Read(IConfiguration configuration)
    {
        var defaults = new ModelSettings();
        var urlKey = $"{Section}:BaseUrl";
        var url = SettingReader.Text(configuration, urlKey, defaults.BaseUrl.ToString());
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidSettingException(urlKey, $"must be an http(s) URL of an OpenAI-compatible endpoint (got '{url}').");
        }
        var timeoutKey = $"{Section}:TimeoutSeconds";
        var timeout = SettingReader.Count(configuration, timeoutKey, (int)defaults.RequestTimeout.TotalSeconds);
        return defaults with
        {
            BaseUrl = baseUrl,
            ApiKey = SettingReader.OptionalText(configuration, $"{Section}:ApiKey") ?? SettingReader.OptionalText(configuration, KeyVariable),
            SummaryModel = SettingReader.Text(configuration, $"{Section}:SummaryModel", defaults.SummaryModel),
            AnswerModel = SettingReader.Text(configuration, $"{Section}:AnswerModel", defaults.AnswerModel),
            EmailModel = SettingReader.Text(configuration, $"{Section}:EmailModel", defaults.EmailModel),
            EmbeddingModel = SettingReader.OptionalText(configuration, $"{Section}:EmbeddingModel"),
            EmbeddingDimensions = EmbeddingDimensions(configuration, $"{Section}:EmbeddingDimensions"),
            StructuredOutput = SettingReader.Enum(configuration, $"{Section}:StructuredOutput", defaults.StructuredOutput),
            SummaryThinking = Thinking(configuration, ModelStage.Summary, defaults.SummaryThinking),
            AnswerThinking = Thinking(configuration, ModelStage.Answer, defaults.AnswerThinking),
            EmailThinking = Thinking(configuration, ModelStage.Email, defaults.EmailThinking),
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            HealthCheckPeriod = TimeSpan.FromMinutes(HealthCheckMinutes(configuration, $"{Section}:HealthCheckMinutes", (int)defaults.HealthCheckPeriod.TotalMinutes)),
        };
    }

    /// <summary><c>Model:Stages:&lt;stage&gt;:ReasoningEffort</c>: Default (send nothing), None, Minimal, Low, Medium or High.</summary>
    private static ThinkingEffort Thinking(IConfiguration configuration, ModelStage stage, ThinkingEffort fallback) =>
        SettingReader.Enum(configuration, $"{Section}:Stages:{stage}:ReasoningEffort", fallback);

    private static int EmbeddingDimensions(IConfiguration configuration, string key)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return 0;
        if (int.TryParse(raw, out var dimensions) && dimensions is >= 0 and <= 8192) return dimensions;
        throw new InvalidSettingException(key, $"must be a whole number from 0 (the model's own length) to 8192 (got '{raw}').");
    }

    private static int HealthCheckMinutes(IConfiguration configuration, string key, int fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, out var minutes) && minutes is >= 0 and <= 1440) return minutes;
        throw new InvalidSettingException(key, $"must be a whole number of minutes from 0 (check only at start) to 1440 (got '{raw}').");
    }

    /// <summary>Prices per million tokens from <c>ModelPrices:&lt;model&gt;:Input/Output</c> (USD), in force from 2000-01-01 unless <c>EffectiveFrom</c> says otherwise.</summary>
    public static IReadOnlyList<ModelPrice> ReadPrices(IConfiguration configuration)
    {
        var prices = new List<ModelPrice>();
        foreach (var model in configuration.GetSection("ModelPrices").GetChildren())
        {
            var input = Decimal(model, "Input");
            var output = Decimal(model, "Output");
            var from = model["EffectiveFrom"] is { Length: > 0 } text
                ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new InvalidSettingException($"ModelPrices:{model.Key}:EffectiveFrom", $"must be a date (got '{text}').")
                : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            prices.Add(new ModelPrice(model.Key, input, output, from));
        }
        return prices;
    }

    private static decimal Decimal(IConfigurationSection model, string name)
    {
        var text = model[name];
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InvalidSettingException($"ModelPrices:{model.Key}:{name}", $"must be a price per million tokens in USD, e.g. 0.30 (got '{text}').");
    }
}
