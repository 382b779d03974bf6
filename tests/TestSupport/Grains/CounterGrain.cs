using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.TestSupport.Grains;

[GenerateSerializer, Alias("OrleansAssistant.TestSupport.CounterState")]
public sealed class CounterState
{
    [Id(0)] public int Value { get; set; }
}

// Random placement so a handful of grains reliably lands on every silo of a test cluster.
[Orleans.Placement.RandomPlacement]
public sealed class CounterGrain(
    [PersistentState("testCounter", StorageNames.Grains)] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Add(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task<string> Where() => Task.FromResult(this.RuntimeIdentity);
}
