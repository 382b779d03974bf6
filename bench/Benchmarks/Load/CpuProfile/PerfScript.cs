namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>
/// Reads <c>perf script -F pid,ip,sym,dso</c>: a sample is a line with the process id, then one tab-indented line per frame
/// (<c>address symbol (object)</c>), innermost first, and a blank line.
/// </summary>
internal static class PerfScript
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(TextReader script)
    {
        var samples = new List<IReadOnlyList<string>>();
        var frames = new List<string>();
        while (script.ReadLine() is { } line)
        {
            if (line.StartsWith('\t'))
            {
                var frame = line.TrimStart();
                var afterAddress = frame.IndexOf(' ', StringComparison.Ordinal);
                frames.Add(afterAddress < 0 ? frame : frame[(afterAddress + 1)..]);
                continue;
            }
            if (frames.Count > 0) samples.Add(frames);
            frames = [];
        }
        if (frames.Count > 0) samples.Add(frames);
        return samples;
    }
}
