namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// Where the models live and how hard to try: an OpenAI-compatible endpoint (Gemini's by default),
/// its key, the model of each pipeline stage and the retry budget. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed record ModelSettings
{
    public static readonly Uri GeminiBaseUrl = new("https://generativelanguage.googleapis.com/v1beta/openai/");

    /// <summary>The endpoint root; <c>chat/completions</c> is resolved against it, so keep the trailing slash.</summary>
    public Uri BaseUrl { get; init; } = GeminiBaseUrl;

    /// <summary>Sent as a Bearer token; null means the models are not configured.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Stage 1: question to structured summary; writing SQL needs the stronger model.</summary>
    public string SummaryModel { get; init; } = "gemini-3.6-flash";

    /// <summary>Stage 2: rows to answer.</summary>
    public string AnswerModel { get; init; } = "gemini-3.5-flash-lite";

    /// <summary>Stage 3: structured e-mail draft.</summary>
    public string EmailModel { get; init; } = "gemini-3.5-flash-lite";

    /// <summary>
    /// Embeds questions for finding similar verified examples (<c>Model:EmbeddingModel</c>), on the same endpoint and key;
    /// null or empty (the default) leaves embeddings off and the library ranks by words alone.
    /// </summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>
    /// <c>Model:EmbeddingDimensions</c>: the embedding length to ask for (sent as <c>dimensions</c>; models trained for it, such as
    /// OpenAI's text-embedding-3 and Gemini's embedding models, keep most of their quality when shortened). 0 (the default)
    /// sends nothing and takes the model's own length. Finding examples reads every stored vector, so the length sets the
    /// library's memory and lookup time.
    /// </summary>
    public int EmbeddingDimensions { get; init; }

    public bool EmbeddingsEnabled => IsConfigured && !string.IsNullOrWhiteSpace(EmbeddingModel);

    /// <summary>How structured replies are asked for; <see cref="StructuredOutputMode.Auto"/> finds what the endpoint accepts.</summary>
    public StructuredOutputMode StructuredOutput { get; init; } = StructuredOutputMode.Auto;

    /// <summary>Thinking of stage 1: a little helps with joins, more mostly costs.</summary>
    public ThinkingEffort SummaryThinking { get; init; } = ThinkingEffort.Low;

    /// <summary>Thinking of stage 2: describing rows needs little.</summary>
    public ThinkingEffort AnswerThinking { get; init; } = ThinkingEffort.Low;

    /// <summary>Thinking of stage 3: the endpoint's default.</summary>
    public ThinkingEffort EmailThinking { get; init; } = ThinkingEffort.Default;

    /// <summary>Limit of one HTTP attempt; the whole call may take <see cref="MaxAttempts"/> of them plus backoff.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>HTTP attempts per call (the first one included) on 429, 5xx, timeouts and refused connections.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First backoff between attempts; it doubles each time, with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    public string ModelOf(ModelStage stage) => stage switch
    {
        ModelStage.Summary => SummaryModel,
        ModelStage.Answer => AnswerModel,
        ModelStage.Email => EmailModel,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public ThinkingEffort ThinkingOf(ModelStage stage) => stage switch
    {
        ModelStage.Summary => SummaryThinking,
        ModelStage.Answer => AnswerThinking,
        ModelStage.Email => EmailThinking,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public const string EmbeddingModelSetting = "Model:EmbeddingModel";

    /// <summary>The setting that names the stage's model, for messages that tell the operator what to change.</summary>
    public static string SettingOf(ModelStage stage) => $"Model:{stage}Model";

    /// <summary>The most a call may take: every attempt at its limit plus the doubling backoff between them.</summary>
    public TimeSpan TotalTimeout => RequestTimeout * MaxAttempts + RetryBaseDelay * (1 << Math.Min(MaxAttempts, 10));

    public override string ToString() =>
        $"ModelSettings {{ BaseUrl = {BaseUrl}, ApiKey = {(IsConfigured ? "(set)" : "(not set)")}, SummaryModel = {SummaryModel}, " +
        $"AnswerModel = {AnswerModel}, EmailModel = {EmailModel}, EmbeddingModel = {EmbeddingModel ?? "(off)"}, EmbeddingDimensions = {EmbeddingDimensions}, StructuredOutput = {StructuredOutput}, " +
        $"Thinking = {SummaryThinking}/{AnswerThinking}/{EmailThinking}, RequestTimeout = {RequestTimeout}, MaxAttempts = {MaxAttempts}, RetryBaseDelay = {RetryBaseDelay} }}";

    /// <summary>How often the endpoint and the configured models are checked after the check at start; zero checks only at start.</summary>
    public TimeSpan HealthCheckPeriod { get; init; } = TimeSpan.FromMinutes(10);
}
