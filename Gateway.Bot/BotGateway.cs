using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Questions;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Gateway.Bot.Sending;
using OrleansAssistant.Gateway.Bot.Webhook;
using OrleansAssistant.Hosting.Resilience;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>Registration of the Telegram gateway, hosted alone or inside a silo.</summary>
public static class BotGateway
{
    /// <returns>Whether the bot will run (a token is configured).</returns>
    public static bool AddBotGateway(this IHostApplicationBuilder builder)
    {
        var settings = TelegramSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled) return false;

        builder.Services.AddTransient<TooManyRequestsRetry>();
        // One pace for the whole process; the handlers themselves are rebuilt as HttpClient rotates them.
        builder.Services.AddSingleton<OutgoingPace>();
        builder.Services.AddTransient<OutgoingPaceHandler>();
        builder.Services.AddHttpClient(nameof(BotGateway))
            .AddHttpMessageHandler<TooManyRequestsRetry>()
            .AddHttpMessageHandler<OutgoingPaceHandler>();
        builder.Services.AddSingleton<ITelegramBotClient>(services => new TelegramBotClient(
            // TooManyRequestsRetry owns flood-control retries; the client's own would multiply them.
            new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.ToString().TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 },
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotGateway))));
        builder.Services.AddSingleton<BotConnection>();
        builder.Services.AddUpdateRouting();
        builder.Services.AddHostedService<Email.EmailNoticeRelay>();
        builder.Services.AddHostedService<Schedules.ScheduleNoticeRelay>();
        builder.Services.AddHostedService<Budgets.BudgetNoticeRelay>();
        builder.Services.AddHostedService<Memberships.MembershipNoticeRelay>();
        if (settings.UsesWebhook) builder.AddWebhookReceiver(settings.Webhook!);
        else builder.Services.AddHostedService<BotPollingService>();
        return true;
    }

    /// <summary>The router and its handlers, for any <see cref="ITelegramBotClient"/> (Telegram's, or the terminal's).</summary>
    internal static IServiceCollection AddUpdateRouting(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<BotReplies>();
        services.AddSingleton<UpdateFailures>();
        // The terminal chat has no TelegramSettings; it gets the default budget.
        services.AddSingleton(provider => new ClusterCallRetry(
            provider.GetService<TelegramSettings>()?.ClusterRetry ?? TelegramSettings.DefaultClusterRetry,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ClusterCallRetry>>()));
        services.AddSingleton<CredentialsReply>();
        services.AddSingleton<StartCommands>();
        services.AddSingleton<OrganizationCommands>();
        services.AddSingleton<Memberships.LeaveCommand>();
        services.AddSingleton<Memberships.MembershipPresses>();
        services.AddSingleton<OrganizationMenu>();
        services.AddSingleton<OrganizationLists>();
        services.AddSingleton<DatabaseCommands>();
        services.AddSingleton<CommandMenus>();
        services.AddSingleton<AccountCommands>();
        services.AddSingleton<TimeZoneCommands>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CallbackRouter>();
        services.AddSingleton<Answers.ExportPress>();
        services.AddSingleton<Answers.FeedbackPress>();
        services.AddSingleton<Answers.AnswerKeyboardEdits>();
        services.AddSingleton<Answers.VerifyPress>();
        services.AddSingleton<Answers.AnswerPresses>();
        services.AddSingleton<Answers.FeedbackReasons>();
        services.AddSingleton<Email.EmailDraftButtons>();
        services.AddSingleton(provider => Schedules.ScheduleChoices.Read(provider.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<Schedules.PendingSchedules>();
        services.AddSingleton<Schedules.FlowMessages>();
        services.AddSingleton<Schedules.ScheduleCreation>();
        services.AddSingleton<Schedules.ScheduleDialog>();
        services.AddSingleton<Schedules.ScheduleReplies>();
        services.AddSingleton<Schedules.ScheduleCommands>();
        services.AddSingleton<Schedules.SchedulePresses>();
        services.AddSingleton<Budgets.RefusalReaders>();
        services.AddSingleton<PendingQuestions>();
        services.AddSingleton<ChatTimeline>();
        services.AddSingleton<QuestionHandler>();
        services.AddSingleton<ChatLanes>();
        services.AddSingleton<UpdateRouter>();
        return services;
    }

    private static void AddWebhookReceiver(this IHostApplicationBuilder builder, WebhookSettings webhook)
    {
        builder.Services.AddSingleton(webhook);
        builder.Services.AddSingleton<WebhookSecret>();
        builder.Services.AddSingleton<WebhookUpdates>();
        builder.Services.AddHostedService<WebhookRegistration>();
    }
}
