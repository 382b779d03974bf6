namespace OrleansAssistant.Grains.Email;

/// <summary>How often the outbox is polled and how failed sends are retried; tests swap in seconds.</summary>
public sealed record EmailDeliveryOptions
{
    /// <summary>30 s, 2 min, 8 min, 20 min: five attempts spread over about half an hour.</summary>
    public static readonly EmailDeliveryOptions Default = new();

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed e-mail belongs to one silo; after that another may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The limit of one SMTP conversation; must stay well below <see cref="Lease"/>.</summary>
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after each failed attempt; one more attempt than delays, then the e-mail fails for good.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(20)];

    public int MaxAttempts => RetryDelays.Count + 1;

    /// <summary>Recipients per user per hour, counted over every e-mail queued (one e-mail to ten people counts ten).</summary>
    public int HourlyLimit { get; init; } = 20;
}
