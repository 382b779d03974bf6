using Microsoft.Extensions.AI;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Tokens estimated as characters / 4, rounded up, with no tokenizer: one rule for the stage-1 prompt cap and the
/// tokens a verified answer saved, close enough for English text and SQL, and the same on every silo.
/// </summary>
public static class TokenEstimate
{
    public const int CharactersPerToken = 4;

    public static int OfCharacters(long characters) => (int)((characters + CharactersPerToken - 1) / CharactersPerToken);

    public static int Of(string text) => OfCharacters(text.Length);

    /// <summary>All message contents of a request.</summary>
    public static int Of(IEnumerable<ChatMessage> messages) => OfCharacters(messages.Sum(message => (long)message.Text.Length));
}
