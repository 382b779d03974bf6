using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules;
using OrleansAssistant.Grains.Schedules.Delivery;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Schedules.Webhooks;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.TestSupport.Smtp;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>
/// A question silo (fake model, shiftable clock) that also sends e-mail through an in-process SMTP server. Runners are made from the
/// silo's services with the settings a test wants; tests use fresh users and schedules, so they never see each other's runs.
/// </summary>
public sealed class ScheduleSiloFixture : QuestionSiloFixture, IAsyncLifetime
{
    public ScheduleSiloFixture() : this(new FakeSmtpServer())
    {
    }

    private ScheduleSiloFixture(FakeSmtpServer smtp) : base(new Dictionary<string, string?>
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:From"] = "assistant@test.local",
        // The developer's own account must never reach a test.
        ["BOT_EMAIL"] = "",
        ["BOT_EMAIL_PASS"] = "",
    }) => Smtp = smtp;

    public FakeSmtpServer Smtp { get; }

    /// <summary>Receivers on 127.0.0.1 need private targets allowed; retries a moment apart instead of seconds.</summary>
    public static readonly ScheduleSettings TestSettings = ScheduleSettings.Default with
    {
        AllowPrivateWebhookTargets = true,
        WebhookTimeout = TimeSpan.FromSeconds(2),
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
    };

    /// <param name="emailLimit">An hourly e-mail limit other than the installation's.</param>
    public ScheduleRunner Runner(ScheduleSettings? settings = null, int? emailLimit = null)
    {
        var chosen = settings ?? TestSettings;
        var sender = new WebhookSender(chosen, WebhookAddressResolver.System, Clock, NullLogger<WebhookSender>.Instance);
        if (emailLimit is not { } limit) return ActivatorUtilities.CreateInstance<ScheduleRunner>(Silo.Services, chosen, sender);
        var mail = ActivatorUtilities.CreateInstance<ScheduleMailQueue>(Silo.Services, EmailDeliveryOptions.Default with { HourlyLimit = limit });
        return ActivatorUtilities.CreateInstance<ScheduleRunner>(Silo.Services, chosen, sender, mail);
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A report (or, with <paramref name="alert"/>, an alert) of the asker's on the shop database, sent to the asker's chat.</summary>
    public ScheduleDefinition Schedule(Asker asker, string sql, AlertRule? alert = null, IReadOnlyList<string>? emailTo = null,
        Uri? webhook = null, string? secret = null, string? orgId = null, string title = "Orders of the week") =>
        new(ScheduleKeys.NewId(), asker.UserId, orgId, asker.DatabaseId, asker.UserId, Guid.NewGuid().ToString("N"), title, sql,
            alert is null ? ScheduleKind.Report : ScheduleKind.Alert, ScheduleRhythm.Daily(TimeSpan.FromHours(9), "UTC"), alert, emailTo ?? [],
            webhook?.ToString(), secret, ScheduleStatus.Active, PauseReason.None, null, Now);

    /// <summary>Takes every notice waiting and keeps those of <paramref name="scheduleId"/>, as a gateway polling for it would see them.</summary>
    public async Task<IReadOnlyList<ScheduleNotice>> TakeNoticesAsync(string scheduleId)
    {
        var taken = new List<ScheduleNotice>();
        IReadOnlyList<ScheduleNotice> batch;
        do
        {
            batch = await Grains.GetGrain<IScheduleNoticesGrain>(0).TakeAsync(100);
            taken.AddRange(batch.Where(notice => notice.ScheduleId == scheduleId));
        }
        while (batch.Count > 0);
        return taken;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ScheduleSiloCollection : ICollectionFixture<ScheduleSiloFixture>
{
    public const string Name = "schedules";
}
