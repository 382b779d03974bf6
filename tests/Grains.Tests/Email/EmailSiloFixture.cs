using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Smtp;

namespace OrleansAssistant.Grains.Tests.Email;

/// <summary>
/// A real silo sending through an in-process SMTP server, with retries seconds apart instead of
/// minutes. Tests use fresh users and subjects, so they never count each other's e-mails.
/// </summary>
public class EmailSiloFixture : IAsyncLifetime
{
    public static readonly EmailDeliveryOptions FastDelivery = EmailDeliveryOptions.Default with
    {
        PollInterval = TimeSpan.FromMilliseconds(200),
        Lease = TimeSpan.FromSeconds(5),
        SmtpTimeout = TimeSpan.FromSeconds(3),
        RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)],
    };

    private readonly TempDirectory _folder = new();
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private Dictionary<string, string?> _settings = [];

    public EmailSiloFixture() : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="extraSettings">Laid over the usual ones, for a silo with other e-mail rules (e.g. <c>Email:AllowedDomains</c>).</param>
    protected EmailSiloFixture(IReadOnlyDictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public FakeSmtpServer Smtp { get; } = new();
    public InProcessSilo Silo { get; private set; } = null!;
    public IGrainFactory Grains => Silo.Grains;
    public OutboxRows Rows => new(Path.Combine(_folder.Path, "app.db"));

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        _settings = InProcessSilo.BaseSettings(_folder.Path);
        _settings["Email:Host"] = "127.0.0.1";
        _settings["Email:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        _settings["Email:Security"] = "None";
        _settings["Email:From"] = "assistant@test.local";
        // The developer's own account must never reach a test.
        _settings["BOT_EMAIL"] = "";
        _settings["BOT_EMAIL_PASS"] = "";
        foreach (var (key, value) in _extraSettings) _settings[key] = value;
        Silo = await StartSiloAsync();
    }

    public async Task RestartAsync(Action? whileStopped = null)
    {
        await Silo.DisposeAsync();
        whileStopped?.Invoke();
        Silo = await StartSiloAsync();
    }

    private Task<InProcessSilo> StartSiloAsync() =>
        InProcessSilo.StartAsync(_settings, services => services.AddSingleton(FastDelivery));

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EmailSiloCollection : ICollectionFixture<EmailSiloFixture>
{
    public const string Name = "email";
}
