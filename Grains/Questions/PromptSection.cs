using System.Text;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// An optional part of a prompt, built line by line within a token budget: its heading costs only when the first
/// line fits, and with no line it renders as nothing (no empty heading). Each line starts after a line break, where the
/// tokenizer splits anyway, so the lines' counts add up to the section's.
/// </summary>
internal sealed class PromptSection(string heading)
{
    private readonly StringBuilder _text = new();

    public int Lines { get; private set; }

    /// <summary>Adds <paramref name="line"/> if it (and the heading, for the first) fits in <paramref name="tokensLeft"/>, which it then reduces.</summary>
    public bool TryAdd(string line, ref long tokensLeft)
    {
        var added = (Lines == 0 ? $"\n\n{heading}" : "") + "\n" + line;
        var cost = TokenEstimate.Of(added);
        if (cost > tokensLeft) return false;
        _text.Append(added);
        tokensLeft -= cost;
        Lines++;
        return true;
    }

    public override string ToString() => _text.ToString();
}
