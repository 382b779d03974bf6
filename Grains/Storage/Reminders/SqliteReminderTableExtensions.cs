using Microsoft.Extensions.DependencyInjection;

namespace OrleansAssistant.Grains.Storage.Reminders;

public static class SqliteReminderTableExtensions
{
    /// <summary>Turns on reminders, kept by <see cref="SqliteReminderTable"/> in the embedded grain file.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure)
    {
        var options = new SqliteGrainStorageOptions();
        configure(options);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(services => ActivatorUtilities.CreateInstance<SqliteReminderTable>(services, options));
        return builder;
    }
}
