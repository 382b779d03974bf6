using System.Text;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// An optional part of a prompt, built line by line within a character budget: its heading costs only when the first
/// line fits, and with no line it renders as nothing (no empty heading).
/// </summary>
internal sealed class PromptSection(string heading)
{
    private readonly StringBuilder _text = new();

    public int Lines { get; private set; }

    /// <summary>Adds <paramref name="line"/> if it (and the heading, for the first) fits in <paramref name="charactersLeft"/>, which it then reduces.</summary>
    public bool TryAdd(string line, ref long charactersLeft)
    {
        var start = Lines == 0 ? $"\n\n{heading}" : "";
        var cost = start.Length + 1 + line.Length;
        if (cost > charactersLeft) return false;
        _text.Append(start).Append('\n').Append(line);
        charactersLeft -= cost;
        Lines++;
        return true;
    }

    public override string ToString() => _text.ToString();
}
