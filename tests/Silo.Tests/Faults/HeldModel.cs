using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// The token model, except that a question carrying <see cref="Marker"/> gets its reply only after <see cref="HoldFor"/>: the
/// question stays running (and holds its budget reservation) until its silo dies and the call is cut.
/// </summary>
internal static class HeldModel
{
    public const string Marker = "(held)";

    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(10);

    public static void Serve(FakeModelServer model) => model.Respond(request =>
    {
        var question = LastQuestion(request);
        var reply = ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer = TokenModel.Answer(TokenModel.TokenIn(question) ?? "no token") }, 100, 50);
        return question.Contains(Marker, StringComparison.Ordinal) ? reply.After(HoldFor) : reply;
    });

    /// <summary>Whether the model has been called for the held question, so its reservation is taken (it comes before the first call).</summary>
    public static bool IsHolding(FakeModelServer model) =>
        model.Requests.Any(request => LastQuestion(request).Contains(Marker, StringComparison.Ordinal));

    private static string LastQuestion(RecordedModelRequest request) =>
        request.Messages.LastOrDefault(message => message.Role == "user")?.Content ?? "";
}
