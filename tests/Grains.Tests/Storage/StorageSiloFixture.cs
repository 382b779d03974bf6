using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>
/// A real silo with one grain storage provider, so the provider under test gets the silo's own
/// serializer and lifecycle; tests then call the provider directly.
/// </summary>
public abstract class StorageSiloFixture : IAsyncLifetime
{
    private IHost? _host;

    public IGrainStorage Storage { get; private set; } = null!;

    protected abstract Task PrepareAsync();

    protected abstract void AddStorage(ISiloBuilder silo);

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            AddStorage(silo);
        });
        _host = builder.Build();
        await _host.StartAsync();
        Storage = _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
