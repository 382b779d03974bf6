using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Silo.Configuration;

namespace OrleansAssistant.Silo;

/// <summary>Registers the one grain storage provider every grain uses.</summary>
internal static class SiloStorage
{
    public static ISiloBuilder UseConfiguredGrainStorage(this ISiloBuilder silo, GrainStorageSettings storage) => storage.Provider switch
    {
        GrainStorageProvider.Sqlite => silo.AddSqliteGrainStorage(StorageNames.Grains, options => options.DatabasePath = storage.SqlitePath!),
        _ => silo.AddAdoNetGrainStorage(StorageNames.Grains, options =>
        {
            options.Invariant = storage.Invariant;
            options.ConnectionString = storage.ConnectionString;
        }),
    };
}
