namespace OrleansAssistant.Authorization;

/// <summary>The policy's answer; <see cref="Reason"/> is a sentence fit to show the person when refused.</summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    /// <summary>Yes; there is nothing to explain.</summary>
    public static AuthorizationDecision Allow { get; } = new(true, "");

    /// <summary>No, with the sentence that tells the person why (never empty).</summary>
    public static AuthorizationDecision Refuse(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason);
    }
}
