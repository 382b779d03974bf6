using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains;

public static class GrainServices
{
    /// <summary>The services grains take in their constructors (the app database is registered by the host).</summary>
    public static IServiceCollection AddAssistantGrainServices(this IServiceCollection services, AdminSettings admins)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(admins);
        services.AddSingleton<ActivityLog>();
        return services;
    }
}
