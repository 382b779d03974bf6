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

    /// <summary>Stage 1: question to structured summary.</summary>
    public string SummaryModel { get; init; } = "gemini-2.5-flash";

    /// <summary>Stage 2: rows to answer.</summary>
    public string AnswerModel { get; init; } = "gemini-2.0-flash";

    /// <summary>Stage 3: structured e-mail draft.</summary>
    public string EmailModel { get; init; } = "gemini-2.5-flash";

    /// <summary>Limit of one HTTP attempt; the whole call may take <see cref="MaxAttempts"/> of them plus backoff.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>HTTP attempts per call (the first one included) on 429, 5xx, timeouts and refused connections.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First backoff between attempts; it doubles each time, with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The most a call may take: every attempt at its limit plus the doubling backoff between them.</summary>
    public TimeSpan TotalTimeout => RequestTimeout * MaxAttempts + RetryBaseDelay * (1 << Math.Min(MaxAttempts, 10));

    public override string ToString() =>
        $"ModelSettings {{ BaseUrl = {BaseUrl}, ApiKey = {(IsConfigured ? "(set)" : "(not set)")}, SummaryModel = {SummaryModel}, " +
        $"AnswerModel = {AnswerModel}, EmailModel = {EmailModel}, RequestTimeout = {RequestTimeout}, MaxAttempts = {MaxAttempts}, RetryBaseDelay = {RetryBaseDelay} }}";

    /// <summary>How often the endpoint and the configured models are checked after the check at start; zero checks only at start.</summary>
    public TimeSpan HealthCheckPeriod { get; init; } = TimeSpan.FromMinutes(10);
}
