using System.Text.RegularExpressions;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// A slow model (300–500 ms, so questions are in flight when a silo dies) that answers each question
/// with its token, e.g. "q-5003-7", so every reply can be traced to the message that asked it.
/// </summary>
internal static partial class TokenModel
{
    public static string Question(long userId, int number) => $"q-{userId}-{number} how many customers do we have?";

    public static string Answer(string token) => $"Answer to {token}.";

    /// <summary>The token a text carries (the last one, as a question's window also carries earlier ones).</summary>
    public static string? TokenIn(string text) => Token().Matches(text) is { Count: > 0 } matches ? matches[^1].Value : null;

    public static void Serve(FakeModelServer model) => model.Respond(request =>
    {
        var question = request.Messages.LastOrDefault(message => message.Role == "user")?.Content ?? "";
        var answer = Answer(TokenIn(question) ?? "no token");
        return ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer }, 100, 50)
            .After(TimeSpan.FromMilliseconds(300 + Random.Shared.Next(200)));
    });

    [GeneratedRegex(@"q-\d+-\d+")]
    private static partial Regex Token();
}
