using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization;

/// <summary>One bot command: what /help and Telegram's command menu show, and what it needs.</summary>
/// <param name="Name">The command without its slash, as Telegram's setMyCommands wants it.</param>
/// <param name="Actions">
/// What running it needs; with several (e.g. /adddb), the person's standing picks one, see <see cref="ActionFor"/>.
/// </param>
public sealed record AssistantCommand(string Name, string Description, string Usage, IReadOnlyList<AssistantAction> Actions)
{
    /// <summary>The command as typed, e.g. "/invite".</summary>
    public string Text => "/" + Name;

    /// <summary>
    /// The action this person's command runs as: the first the policy allows, or else the first, so
    /// that its refusal is the one explained.
    /// </summary>
    public AssistantAction ActionFor(Principal? principal)
    {
        foreach (var action in Actions)
        {
            if (AuthorizationPolicy.Instance.Check(principal, action).Allowed)
            {
                return action;
            }
        }

        return Actions[0];
    }

    /// <summary>Whether this person may run the command at all, with the reason when not.</summary>
    public AuthorizationDecision CheckFor(Principal? principal) =>
        AuthorizationPolicy.Instance.Check(principal, ActionFor(principal));
}
