using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OrleansAssistant.Grains.Llm;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="settings"/>, the <see cref="ModelClient"/> singleton and its HTTP client, which
    /// retries 429, 5xx, timeouts and refused connections with jittered exponential backoff (honouring
    /// <c>Retry-After</c>) up to <see cref="ModelSettings.MaxAttempts"/> attempts of at most
    /// <see cref="ModelSettings.RequestTimeout"/> each.
    /// </summary>
    public static IServiceCollection AddModelClient(this IServiceCollection services, ModelSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1, nameof(settings.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RequestTimeout, TimeSpan.Zero, nameof(settings.RequestTimeout));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton<ModelClient>();
        services.AddHttpClient(ModelClient.HttpClientName)
            // The resilience pipeline owns every time limit; HttpClient's own 100 s default would cut it short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // ModelClient keeps its HttpClient for life, so connections are recycled here to follow DNS changes.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("model", pipeline => AddStrategies(pipeline, settings));
        return services;
    }

    private static void AddStrategies(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ModelSettings settings)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.TotalTimeout });
        if (settings.MaxAttempts > 1)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
            });
        }
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.RequestTimeout });
    }
}
