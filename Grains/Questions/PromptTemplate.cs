using System.Reflection;
using System.Text.RegularExpressions;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// A prompt: versioned text in <c>Questions/Prompts/&lt;name&gt;.v&lt;n&gt;.txt</c> with named
/// <c>{placeholders}</c>. Filling checks that every placeholder got a value and no value went unused.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly string _text;

    private PromptTemplate(string name, string text)
    {
        Name = name;
        _text = text;
        Placeholders = Placeholder().Matches(text).Select(match => match.Groups[1].Value).ToHashSet();
    }

    /// <summary>Name with version, e.g. <c>summary.v1</c>.</summary>
    public string Name { get; }

    public IReadOnlySet<string> Placeholders { get; }

    public static PromptTemplate Load(string nameWithVersion)
    {
        var resource = $"OrleansAssistant.Grains.Questions.Prompts.{nameWithVersion}.txt";
        using var stream = typeof(PromptTemplate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Prompt {nameWithVersion} is not embedded.");
        using var reader = new StreamReader(stream);
        return new PromptTemplate(nameWithVersion, reader.ReadToEnd().Trim());
    }

    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        var missing = Placeholders.Where(name => !values.ContainsKey(name)).ToArray();
        var unused = values.Keys.Where(name => !Placeholders.Contains(name)).ToArray();
        if (missing.Length > 0 || unused.Length > 0)
        {
            throw new ArgumentException($"Prompt {Name}: missing {string.Join(", ", missing)}; unused {string.Join(", ", unused)}.", nameof(values));
        }
        return Placeholder().Replace(_text, match => values[match.Groups[1].Value]);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
