using OrleansAssistant.Grains.Storage.Reminders;
using OrleansAssistant.Silo.Configuration;

namespace OrleansAssistant.Silo;

/// <summary>Keeps reminders where grain state is kept: the embedded file, or the same ADO.NET database.</summary>
internal static class SiloReminders
{
    public static ISiloBuilder UseConfiguredReminders(this ISiloBuilder silo, GrainStorageSettings storage) => storage.Provider switch
    {
        GrainStorageProvider.Sqlite => silo.UseSqliteReminderService(options => options.DatabasePath = storage.SqlitePath!),
        _ => silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = storage.Invariant;
            options.ConnectionString = storage.ConnectionString;
        }),
    };
}
