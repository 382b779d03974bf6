using System.Globalization;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>The verified suite's own arguments: the workload's size and the fake model's fixed latency per stage.</summary>
internal sealed record VerifiedBenchmarkOptions(int Questions, int StageOneMs, int StageTwoMs)
{
    public const string Usage = "verified options: [--questions 200] [--stage1-ms 400] [--stage2-ms 300]";

    public static VerifiedBenchmarkOptions Default { get; } = new(200, 400, 300);

    /// <summary>Reads the option at <paramref name="index"/> (and its value) into <paramref name="options"/>.</summary>
    /// <returns>False when the argument is not one of this suite's options.</returns>
    /// <exception cref="ArgumentException">An option without a valid value.</exception>
    public static bool TryRead(IReadOnlyList<string> args, ref int index, ref VerifiedBenchmarkOptions options)
    {
        var arg = args[index];
        if (arg is not ("--questions" or "--stage1-ms" or "--stage2-ms")) return false;
        var value = index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{arg} needs a value");
        options = arg switch
        {
            "--questions" => options with { Questions = Number(arg, value, 20, 5_000) },
            "--stage1-ms" => options with { StageOneMs = Number(arg, value, 0, 30_000) },
            _ => options with { StageTwoMs = Number(arg, value, 0, 30_000) },
        };
        return true;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max} (got '{value}')");
}
