using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Stage 1's request: the system prompt, the conversation window and the question. Glossary entries, then verified
/// examples best first, join the system prompt only while the estimated size stays within the cap; the schema is
/// never cut, so a schema that alone fills the cap leaves both out.
/// </summary>
/// <param name="EstimatedTokens">All message contents, estimated by <see cref="TokenEstimate"/>.</param>
/// <param name="Examples">The examples that fitted, in the order sent.</param>
public sealed record SummaryPrompt(List<ChatMessage> Messages, int EstimatedTokens, IReadOnlyList<VerifiedExample> Examples, int GlossaryEntries)
{
    // Relaxed: quotes and non-Latin letters stay readable for the model; JSON escaping still keeps each string on its line.
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="values">The summary prompt's values except the glossary and the examples.</param>
    public static SummaryPrompt Build(IReadOnlyDictionary<string, string> values, QuestionContext context,
        IReadOnlyList<GlossaryEntry> glossary, IReadOnlyList<VerifiedExample> examples, int tokenCap)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, Fill(values, "", "")) };
        foreach (var turn in context.Window)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Sql is null ? turn.Answer : $"{turn.Answer}\n(SQL: {turn.Sql})"));
        }
        messages.Add(new ChatMessage(ChatRole.User, context.Question));

        var tokensLeft = (long)tokenCap - TokenEstimate.Of(messages);
        var glossarySection = new PromptSection(Prompts.GlossaryHeading.Fill(new Dictionary<string, string>()));
        foreach (var entry in glossary)
        {
            if (!glossarySection.TryAdd($"{OneLine(entry.Term)}: {OneLine(entry.Meaning)}", ref tokensLeft)) break;
        }
        var examplesSection = new PromptSection(Prompts.ExamplesHeading.Fill(new Dictionary<string, string>()));
        var sent = new List<VerifiedExample>();
        foreach (var example in examples)
        {
            if (!examplesSection.TryAdd($"\nQuestion: {Quote(example.Question)}\nSQL: {Quote(example.Sql)}", ref tokensLeft)) break;
            sent.Add(example);
        }
        messages[0] = new ChatMessage(ChatRole.System, Fill(values, glossarySection.ToString(), examplesSection.ToString()));
        return new SummaryPrompt(messages, TokenEstimate.Of(messages), sent, glossarySection.Lines);
    }

    private static string Fill(IReadOnlyDictionary<string, string> values, string glossary, string examples) =>
        Prompts.Summary.Fill(new Dictionary<string, string>(values) { ["glossary"] = glossary, ["examples"] = examples });

    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    // A glossary entry is one line, so it cannot pose as a heading or another entry.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
