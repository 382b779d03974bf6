using System.Globalization;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The load suite's own arguments: one closed-loop run's shape, the whole matrix, or an open-loop ramp of arrival rates.</summary>
internal sealed record LoadOptions(int Users, int Silos, int ModelLatencyMs, CustomerDatabaseKind CustomerDatabase, int Seconds, bool Matrix)
{
    public const string Usage = "load options: [--users 500] [--silos 1|2|3] [--model-latency-ms 0|800] [--customer-db sqlite|postgres] [--seconds 45] [--matrix]\n"
        + "  open loop: [--rate <questions/s> | --ramp 25,50,100,200,400,800] [--step-seconds 30] [--warmup-seconds 10] [--cpu-profile]";

    public static LoadOptions Default { get; } = new(500, 1, 0, CustomerDatabaseKind.Sqlite, 45, Matrix: false);

    /// <summary>Arrival rates (questions/s) of the open loop, one step each; empty for the closed loop.</summary>
    public IReadOnlyList<int> Rates { get; init; } = [];

    public int StepSeconds { get; init; } = 30;

    public int WarmUpSeconds { get; init; } = 10;

    /// <summary>Samples the silos' call stacks with Linux perf in every step and prints where their CPU went.</summary>
    public bool CpuProfile { get; init; }

    public bool OpenLoop => Rates.Count > 0;

    public LoadRunShape Shape => new(Users, Silos, ModelLatencyMs, CustomerDatabase, Seconds);

    /// <summary>Reads the option at <paramref name="index"/> (and its value) into <paramref name="options"/>.</summary>
    /// <returns>False when the argument is not a load option.</returns>
    /// <exception cref="ArgumentException">A load option without a valid value.</exception>
    public static bool TryRead(IReadOnlyList<string> args, ref int index, ref LoadOptions options)
    {
        var arg = args[index];
        if (arg == "--matrix")
        {
            options = options with { Matrix = true };
            return true;
        }
        if (arg == "--cpu-profile")
        {
            options = options with { CpuProfile = true };
            return true;
        }
        if (arg is not ("--users" or "--silos" or "--model-latency-ms" or "--customer-db" or "--seconds" or "--rate" or "--ramp" or "--step-seconds" or "--warmup-seconds")) return false;
        var value = index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{arg} needs a value");
        options = arg switch
        {
            "--users" => options with { Users = Number(arg, value, 10, 5_000) },
            "--silos" => options with { Silos = Number(arg, value, 1, 3) },
            "--model-latency-ms" => options with { ModelLatencyMs = Number(arg, value, 0, 30_000) },
            "--seconds" => options with { Seconds = Number(arg, value, 5, 600) },
            "--rate" => options with { Rates = [Number(arg, value, 1, MaxRate)] },
            "--ramp" => options with { Rates = Ramp(value) },
            "--step-seconds" => options with { StepSeconds = Number(arg, value, 3, 600) },
            "--warmup-seconds" => options with { WarmUpSeconds = Number(arg, value, 0, 600) },
            _ => options with { CustomerDatabase = Enum.TryParse<CustomerDatabaseKind>(value, ignoreCase: true, out var kind) && !int.TryParse(value, out _)
                ? kind
                : throw new ArgumentException($"--customer-db must be sqlite or postgres (got '{value}')") },
        };
        return true;
    }

    private const int MaxRate = 20_000;

    private static int[] Ramp(string value)
    {
        var rates = value.Split(',').Select(rate => Number("--ramp", rate.Trim(), 1, MaxRate)).ToArray();
        return rates.Zip(rates.Skip(1)).All(pair => pair.First < pair.Second)
            ? rates
            : throw new ArgumentException($"--ramp needs rising rates, comma-separated, like 25,50,100 (got '{value}')");
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max} (got '{value}')");
}
