using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>
/// One reminder table built from the same registrations a silo uses and started the way the
/// reminder service starts it; tests then call it through <see cref="IReminderTable"/>.
/// </summary>
public abstract class ReminderTableFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public IReminderTable Table { get; private set; } = null!;

    protected abstract Task AddTableAsync(IServiceCollection services);

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .Configure<ClusterOptions>(options => options.ServiceId = $"reminders-{Guid.NewGuid():N}");
        await AddTableAsync(services);
        _services = services.BuildServiceProvider();
        Table = _services.GetRequiredService<IReminderTable>();
        await Table.StartAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }
}
