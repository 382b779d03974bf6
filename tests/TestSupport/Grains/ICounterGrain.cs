namespace OrleansAssistant.TestSupport.Grains;

/// <summary>A small persistent grain used to prove storage and clustering, keyed by a string.</summary>
[Alias("OrleansAssistant.TestSupport.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<int> Add(int amount);

    [Alias("Get")]
    Task<int> Get();

    /// <summary>The silo this activation runs on.</summary>
    [Alias("Where")]
    Task<string> Where();
}
