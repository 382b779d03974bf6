namespace OrleansAssistant.Grains.Feedback;

/// <summary>What is kept of a 👎's reason: its first line, trimmed, at most <see cref="MaxLength"/> characters.</summary>
internal static class FeedbackReason
{
    public const int MaxLength = 500;

    /// <returns>Null when nothing is left to keep.</returns>
    public static string? Clean(string? reply)
    {
        var line = (reply ?? "").Trim().Split('\n', 2)[0].Trim();
        if (line.Length == 0) return null;
        if (line.Length <= MaxLength) return line;
        // Never keep half of a surrogate pair.
        var cut = char.IsHighSurrogate(line[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return line[..cut].TrimEnd();
    }
}
