using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Databases;
using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.Grains.Exports;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Reviews;
using OrleansAssistant.Grains.Schedules.Creation;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Schedules.Store;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Users;
using OrleansAssistant.Grains.VerifiedQueries;

namespace OrleansAssistant.Grains;

public static class GrainServices
{
    /// <summary>The services grains take in their constructors (the app database is registered by the host).</summary>
    public static IServiceCollection AddAssistantGrainServices(
        this IServiceCollection services, AdminSettings admins, CustomerDatabaseOptions databases, ModelSettings model, ExportSettings? exports = null,
        VerifiedAnswerSettings? answers = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(admins);
        services.TryAddSingleton(GroupCommitSettings.Default);
        services.AddSingleton<GroupCommit>();
        // Stopped after the silo (hosted services stop in reverse order), so it commits the last grains' writes.
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommit>());
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityLogReader>();
        services.AddSingleton(QueryLimits.Default);
        services.AddSingleton(new ConnectionStringParser(databases.SqliteFolder));
        // TryAdd: tests map host names themselves (DNS rebinding).
        services.TryAddSingleton(DatabaseHostResolver.System);
        services.AddSingleton(provider => new ConnectionTargetPolicy(
            databases.AllowPrivateNetworks, databases.AllowedHosts ?? [], provider.GetRequiredService<DatabaseHostResolver>().ResolveAsync));
        services.AddSingleton<ConnectionTestLimiter>();
        services.AddSingleton(provider => databases.SecretKeys.Count > 0
            ? SecretKeyRing.FromKeys(databases.SecretKeys, databases.CurrentSecretKeyId!)
            : SecretKeyFile.LoadOrCreate(databases.SecretKeyFile, provider.GetRequiredService<ILogger<SecretKeyRing>>()));
        services.AddSingleton<SecretProtector>();
        services.AddModelClient(model);
        services.AddSingleton<QuestionEmbedder>();
        services.AddSingleton<PriceBook>();
        services.AddSingleton<ConversationLedger>();
        services.AddSingleton<AnsweredQuestions>();
        services.AddSingleton<CostReports>();
        services.TryAddSingleton(BudgetPolicy.Default);
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<SpendPricing>();
        services.AddSingleton<BudgetNoticeStore>();
        services.AddSingleton<BudgetGate>();
        services.AddSingleton<QuestionPipeline>();
        services.AddSingleton(exports ?? ExportSettings.Default);
        services.AddSingleton<AnsweredQueries>();
        services.AddSingleton<Feedback.AnswerFeedbackStore>();
        services.AddSingleton<ReviewedQuestionReader>();
        services.AddHostedService<ChartWarmUp>();
        services.AddSingleton(answers ?? VerifiedAnswerSettings.Default);
        services.AddSingleton<VerifiedExampleStore>();
        services.TryAddSingleton(ScheduleSettings.Default);
        services.AddSingleton<RhythmCalendar>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ScheduleRequestCheck>();
        services.AddSingleton<Schedules.Notices.ScheduleNoticeStore>();
        services.AddSingleton<Schedules.Runs.RunLedger>();
        services.AddSingleton<Schedules.Delivery.ScheduleMailQueue>();
        services.TryAddSingleton(Schedules.Webhooks.WebhookAddressResolver.System);
        services.AddSingleton<Schedules.Webhooks.WebhookSender>();
        services.TryAddSingleton<ScheduleRunner>();
        services.AddSingleton<Schedules.Runs.ScheduleRunQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<Schedules.Runs.ScheduleRunQueue>());
        return services;
    }
}
