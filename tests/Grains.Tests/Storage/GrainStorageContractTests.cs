using Orleans.Storage;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>What every grain storage provider of ours must do, run against each real provider.</summary>
public abstract class GrainStorageContractTests(StorageSiloFixture fixture)
{
    private const string StateName = "contractState";
    private IGrainStorage Storage => fixture.Storage;

    private static GrainId NewGrain() => GrainId.Create("contracttest", $"g_{Guid.NewGuid():N}");

    private async Task<GrainState<ContractState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<ContractState>(new ContractState());
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    [Fact]
    public async Task Read_NeverWritten_GivesDefaultStateWithoutETag()
    {
        var state = await ReadAsync(NewGrain());

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsEveryField()
    {
        var grain = NewGrain();
        var written = new GrainState<ContractState>(new ContractState { Name = "Ada — ünïcode ✓", Count = 42, Tags = ["a", "b"], Blob = [1, 2, 3] });

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(read.RecordExists);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("Ada — ünïcode ✓", read.State!.Name);
        Assert.Equal(42, read.State!.Count);
        Assert.Equal(["a", "b"], read.State!.Tags);
        Assert.Equal([1, 2, 3], read.State!.Blob);
    }

    [Fact]
    public async Task Write_WithStaleETag_IsRejectedAndStoredStateKept()
    {
        var grain = NewGrain();
        var first = new GrainState<ContractState>(new ContractState { Count = 1 });
        await Storage.WriteStateAsync(StateName, grain, first);

        var second = await ReadAsync(grain);
        second.State!.Count = 2;
        await Storage.WriteStateAsync(StateName, grain, second);

        first.State!.Count = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, first));
        Assert.Equal(2, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task Write_WithoutETagWhenStateExists_IsRejected()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<ContractState>(new ContractState { Count = 1 }));

        var blind = new GrainState<ContractState>(new ContractState { Count = 5 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, blind));
        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task Clear_ResetsState_AndALaterWriteWorks()
    {
        var grain = NewGrain();
        var state = new GrainState<ContractState>(new ContractState { Count = 7 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = await ReadAsync(grain);

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotEqual(stale.ETag, state.ETag);
        var afterClear = await ReadAsync(grain);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State!.Count);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        afterClear.State!.Count = 8;
        await Storage.WriteStateAsync(StateName, grain, afterClear);
        Assert.Equal(8, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task Write_OneMegabyteState_RoundTrips()
    {
        var grain = NewGrain();
        var blob = new byte[1024 * 1024];
        new Random(20261126).NextBytes(blob);

        await Storage.WriteStateAsync(StateName, grain, new GrainState<ContractState>(new ContractState { Blob = blob }));
        var read = await ReadAsync(grain);

        Assert.Equal(blob, read.State!.Blob);
    }

    [Fact]
    public async Task ConcurrentWriters_ToDifferentGrains_AllKeepTheirOwnState()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToArray();

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (grain, _) =>
        {
            var state = new GrainState<ContractState>(new ContractState { Name = grain.ToString() });
            for (var i = 1; i <= 5; i++)
            {
                state.State!.Count = i;
                await Storage.WriteStateAsync(StateName, grain, state);
            }
        });

        foreach (var grain in grains)
        {
            var read = await ReadAsync(grain);
            Assert.Equal(grain.ToString(), read.State!.Name);
            Assert.Equal(5, read.State!.Count);
        }
    }

    [Fact]
    public async Task SameKey_DifferentStateNames_AreStoredApart()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<ContractState>(new ContractState { Count = 1 }));
        await Storage.WriteStateAsync("otherState", grain, new GrainState<ContractState>(new ContractState { Count = 2 }));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
        var other = new GrainState<ContractState>(new ContractState());
        await Storage.ReadStateAsync("otherState", grain, other);
        Assert.Equal(2, other.State!.Count);
    }
}
