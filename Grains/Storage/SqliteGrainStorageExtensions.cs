using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace OrleansAssistant.Grains.Storage;

public static class SqliteGrainStorageExtensions
{
    /// <summary>Registers <see cref="SqliteGrainStorage"/> under <paramref name="name"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        builder.Services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
        builder.Services.AddGrainStorage(name, (services, key) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            services, key, services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(key)));
        return builder;
    }
}
