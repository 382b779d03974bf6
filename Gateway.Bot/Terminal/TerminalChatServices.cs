using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>Registration of the terminal chat: the real router behind a terminal instead of Telegram. Needs an <see cref="IGrainFactory"/> and logging.</summary>
public static class TerminalChatServices
{
    public static IServiceCollection AddTerminalChat(this IServiceCollection services, TerminalUser user, TextWriter output, bool echoInput)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(user);
        services.AddSingleton(provider => new TerminalScreen(output, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TerminalBotClient>();
        services.AddSingleton<ITelegramBotClient>(provider => provider.GetRequiredService<TerminalBotClient>());
        services.AddSingleton<TerminalUpdates>();
        services.AddUpdateRouting();
        services.AddSingleton(provider => new TerminalChat(
            provider.GetRequiredService<UpdateRouter>(),
            provider.GetRequiredService<TerminalBotClient>(),
            provider.GetRequiredService<BotIdentity>(),
            provider.GetRequiredService<TerminalScreen>(),
            provider.GetRequiredService<TerminalUpdates>()) { EchoInput = echoInput });
        return services;
    }
}
