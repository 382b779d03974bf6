using System.Globalization;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Linux' per-process and machine counters under /proc: CPU time, resident memory, load average.</summary>
internal static class ProcStat
{
    // USER_HZ: the unit of /proc CPU times; 100 on every mainstream Linux build.
    public const double TicksPerSecond = 100;

    /// <summary>utime + stime of the process, in ticks; null once it has gone.</summary>
    public static long? CpuTicks(int pid)
    {
        var text = TryRead($"/proc/{pid}/stat");
        if (text is null) return null;
        // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>VmRSS of the process in bytes; null once it has gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        var line = TryRead($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (line is null) return null;
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Busy and total ticks of all processors together, from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var fields = (TryRead("/proc/stat") ?? "cpu 0 0 0 0").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0); // idle + iowait
        return (total - idle, total);
    }

    /// <summary>The 1-, 5- and 15-minute load averages: how busy the machine was with everything else too.</summary>
    public static string LoadAverage() => string.Join(" ", (TryRead("/proc/loadavg") ?? "unknown").Split(' ').Take(3));

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
