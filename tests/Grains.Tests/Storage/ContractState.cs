namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>State used by the storage contract tests: text, a number, a list and a binary blob.</summary>
public sealed class ContractState
{
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public List<string> Tags { get; set; } = [];
    public byte[] Blob { get; set; } = [];
}
