using System.Text;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>How questions are compared as text.</summary>
public static class QuestionText
{
    /// <summary>The exact-repeat key: case, spacing and punctuation set aside; every word and number kept.</summary>
    public static string RepeatKey(string question)
    {
        var text = question.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (char.IsLetterOrDigit(character)) key.Append(character);
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }

    public static IReadOnlyList<string> Words(string question) =>
        RepeatKey(question).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
