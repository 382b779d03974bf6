namespace OrleansAssistant.Grains.Email;

/// <summary>The <c>Recipients</c> column: addresses joined by commas (an address never holds one).</summary>
internal static class Recipients
{
    public static string Join(IEnumerable<string> addresses) =>
        string.Join(",", addresses.Select(address => address.Trim()).Where(address => address.Length > 0));

    public static IReadOnlyList<string> Split(string column) =>
        column.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
