using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>Orleans' ADO.NET reminder provider on our own PostgreSQL schema (sql/postgresql).</summary>
public sealed class PostgreSqlReminderTableFixture : ReminderTableFixture
{
    protected override async Task AddTableAsync(IServiceCollection services)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("reminders");
        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .ApplyAsync(PostgreSqlDialect.Instance, connectionString, "Reminders", CancellationToken.None);
        services.UseAdoNetReminderService(options => options.Configure(adoNet =>
        {
            adoNet.Invariant = "Npgsql";
            adoNet.ConnectionString = connectionString;
        }));
    }
}

public sealed class PostgreSqlReminderTableTests(PostgreSqlReminderTableFixture fixture)
    : ReminderTableTests(fixture), IClassFixture<PostgreSqlReminderTableFixture>;
