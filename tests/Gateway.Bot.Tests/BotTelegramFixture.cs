using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Smtp;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>One silo with the bot, a fake Telegram and a fake model endpoint, shared by the Telegram tests; each test uses fresh users.</summary>
public class BotTelegramFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _folder = new();
    private long _nextUserId = 700_000 + Random.Shared.Next(100_000) * 10;

    public FakeModelServer Model { get; } = new();
    public FakeSmtpServer Smtp { get; } = new();
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public InProcessSilo Silo { get; private set; } = null!;
    public string SqliteFolder => Path.Combine(_folder.Path, "databases");
    public string AppDatabasePath => Path.Combine(_folder.Path, "app.db");

    public async Task InitializeAsync()
    {
        await Model.StartAsync();
        await Smtp.StartAsync();
        Telegram = await FakeTelegramServer.StartAsync();
        Telegram.EnforceFloodLimits = EnforceFloodLimits;
        var settings = BotSilo.Settings(_folder.Path, Telegram.BaseUrl, FakeTelegramServer.DefaultToken);
        settings["Model:BaseUrl"] = Model.BaseUrl.ToString();
        settings["Model:ApiKey"] = "test-key";
        settings["Model:TimeoutSeconds"] = "5";
        settings["Email:Host"] = "127.0.0.1";
        settings["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Email:Security"] = "None";
        settings["Email:From"] = "assistant@test.local";
        Configure(settings);
        Silo = await InProcessSilo.StartAsync(settings);
        await Telegram.WaitForCallAsync("getUpdates", Patience);
    }

    /// <summary>Settings a fixture of its own adds to the silo's (a budget, a limit), before the silo starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Whether the fake Telegram answers 429 beyond Telegram's flood limits, as the real one may.</summary>
    protected virtual bool EnforceFloodLimits => false;

    /// <summary>A person new to the bot, chatting privately (their chat id is their user id, as on Telegram).</summary>
    public BotUser NewUser() => new(Telegram, Interlocked.Increment(ref _nextUserId));

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Telegram.DisposeAsync();
        await Model.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BotTelegramCollection : ICollectionFixture<BotTelegramFixture>
{
    public const string Name = "bot-telegram";
}
