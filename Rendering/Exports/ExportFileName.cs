using System.Text;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Rendering.Exports;

/// <summary>A file name from the question: letters, digits and single hyphens only, at most 60 characters before the extension.</summary>
public static class ExportFileName
{
    public const int MaxLength = 60;

    public static string For(string question, ExportFormat format)
    {
        var name = new StringBuilder();
        foreach (var character in question.Normalize(NormalizationForm.FormKC))
        {
            if (name.Length >= MaxLength) break;
            if (char.IsLetterOrDigit(character) && character < 0x2000) name.Append(char.ToLowerInvariant(character));
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        var stem = name.ToString().Trim('-');
        return $"{(stem.Length == 0 ? "answer" : stem)}.{ResultExport.ExtensionOf(format)}";
    }
}
