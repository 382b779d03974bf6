using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Grains;

namespace OrleansAssistant.Silo.Tests;

/// <summary>Two silos in one cluster through ADO.NET clustering and storage on our PostgreSQL schema.</summary>
public sealed class ClusterTests
{
    private const string ConnectionKey = "TestPostgres";

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionKey];
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageNames.Grains, options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = configuration[ConnectionKey];
            });
    }

    private static async Task<TestCluster> StartTwoSilosAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("cluster");
        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .ApplyAsync(PostgreSqlDialect.Instance, connectionString, "Cluster", CancellationToken.None);

        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        builder.AddClientBuilderConfigurator<PostgresClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task TwoSilos_JoinThroughPostgreSql_AndGrainsActivateOnBoth()
    {
        await using var cluster = await StartTwoSilosAsync();

        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var placements = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(i => cluster.Client.GetGrain<ICounterGrain>($"spread-{i}-{Guid.NewGuid():N}").Where()));

        Assert.Equal(2, hosts.Count);
        Assert.Equal(2, placements.Distinct().Count());
    }

    [Fact]
    public async Task StoppedSilo_ItsGrainsReactivateOnTheOther_WithTheirState()
    {
        await using var cluster = await StartTwoSilosAsync();
        var (kept, stopped) = (cluster.Silos[0], cluster.Silos[1]);
        var grains = Enumerable.Range(0, 60).Select(i => cluster.Client.GetGrain<ICounterGrain>($"move-{i}-{Guid.NewGuid():N}")).ToArray();
        for (var i = 0; i < grains.Length; i++) await grains[i].Add(i + 1);
        var survivor = kept.SiloAddress.ToString();
        var placements = await Task.WhenAll(grains.Select(grain => grain.Where()));
        var moved = Enumerable.Range(0, grains.Length).Where(i => placements[i] != survivor).ToArray();
        Assert.NotEmpty(moved);

        await cluster.StopSiloAsync(stopped);

        foreach (var i in moved)
        {
            Assert.Equal(i + 1, await grains[i].Get());
            Assert.Equal(survivor, await grains[i].Where());
        }
        var all = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        Assert.Equal(SiloStatus.Dead, all[stopped.SiloAddress]);
    }
}
