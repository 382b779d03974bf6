using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansAssistant.Grains.Llm;

public static class ModelEndpointCheckServiceCollectionExtensions
{
    /// <summary>
    /// Registers the start-up and periodic check of the model endpoint (after <see cref="ModelServiceCollectionExtensions.AddModelClient"/>,
    /// whose settings it reads), its <see cref="ModelHealth"/> result and its own HTTP client: no retries and
    /// a short limit, because a check that waited out the model client's retry budget would report far too late.
    /// </summary>
    public static IServiceCollection AddModelEndpointCheck(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(ModelEndpointCheckService.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddSingleton<ModelHealth>();
        services.AddSingleton<ModelEndpointCheck>();
        services.AddHttpClient(ModelEndpointCheck.HttpClientName)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5));
        services.AddHostedService<ModelEndpointCheckService>();
        return services;
    }
}
