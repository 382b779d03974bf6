using System.Globalization;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>The <c>retrieval</c> command line.</summary>
internal sealed record RetrievalOptions(int Examples, int Lookups, int Count, int Dimensions)
{
    public const string Usage =
        "usage: Benchmarks retrieval [--examples 10000] [--lookups 2000] [--count 3] [--dimensions 0 (embedding length; 0 = words only)]";

    /// <exception cref="ArgumentException">An argument is unknown or out of range; the message ends with the usage line.</exception>
    public static RetrievalOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RetrievalOptions(10_000, 2_000, 3, 0);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--examples" => options with { Examples = Read(args[i], value, 1, 1_000_000) },
                "--lookups" => options with { Lookups = Read(args[i], value, 1, 1_000_000) },
                "--count" => options with { Count = Read(args[i], value, 1, 100) },
                "--dimensions" => options with { Dimensions = Read(args[i], value, 0, 8_192) },
                _ => throw new ArgumentException($"unexpected argument '{args[i]}'\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    private static int Read(string name, string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} needs a whole number from {min} to {max} (got '{value}')\n{Usage}");
}
