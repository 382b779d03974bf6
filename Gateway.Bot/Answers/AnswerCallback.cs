namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>What a button under an answer (or under its verify offer) asks for.</summary>
internal enum AnswerAction
{
    Rate,
    Export,
    More,
    Less,
    Verify,
    /// <summary>[⏰ Schedule] or [🔔 Alert]: starts making a schedule of the answer.</summary>
    Schedule,
}

/// <summary>
/// A press read from callback data: the action, the answer's conversation id, and for [👍]/[👎]/[⬇ …] which button;
/// for [More]/[Less] <see cref="Applicable"/> is the set of buttons the answer carries (bit n = <see cref="AnswerButton"/> n).
/// </summary>
internal sealed record AnswerCallback(AnswerAction Action, string ConversationId, AnswerButton? Button = null, int Applicable = 0);
