using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Tokens of a prompt counted with OpenAI's o200k encoding: one rule for the stage-1 prompt cap, the budget reservation and
/// the tokens a verified answer saved. Gemini's own tokenizer is not public; o200k is a close public estimate, and unlike
/// characters / 4 it counts other scripts and SQL as a tokenizer does. The same on every silo.
/// </summary>
public static class TokenEstimate
{
    // Loading the encoding takes a moment and some memory, so there is one instance, made on first use; counting is thread-safe.
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    // A system prompt (instructions and schema) is the same question after question for a database, and counting it costs
    // about 0.2-0.3 ms each time: the counts of long texts are kept, bounded, and the whole set is dropped when full.
    private const int KeptFromLength = 1_000;
    private const int KeptUpToLength = 64_000;
    private const int KeptTexts = 1_000;
    private static readonly ConcurrentDictionary<string, int> Kept = new(StringComparer.Ordinal);

    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < KeptFromLength or > KeptUpToLength) return Count(text);
        if (Kept.TryGetValue(text, out var tokens)) return tokens;
        tokens = Count(text);
        if (Kept.Count >= KeptTexts) Kept.Clear();
        Kept[text] = tokens;
        return tokens;
    }

    private static int Count(string text) => text.Length == 0 ? 0 : O200k.Value.CountTokens(text);

    /// <summary>All message contents of a request, each message counted on its own.</summary>
    public static int Of(IEnumerable<ChatMessage> messages) => messages.Sum(message => Of(message.Text));
}
