using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansAssistant.Grains.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox table, the SMTP sender and the dispatcher that runs on every silo.</summary>
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services, EmailSettings settings)
    {
        services.AddSingleton(settings);
        // TryAdd: tests register a short retry schedule before or after this call.
        services.TryAddSingleton(EmailDeliveryOptions.Default);
        services.AddSingleton<EmailOutboxStore>();
        services.AddSingleton<RecipientRules>();
        services.AddSingleton<EmailSender>();
        services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
