namespace OrleansAssistant.Grains.Llm;

/// <summary>What the latest check learnt about the model endpoint as a whole.</summary>
public enum ModelHealthState
{
    /// <summary>The check at start has not finished yet.</summary>
    NotChecked,

    /// <summary>No API key is set, so nothing was asked.</summary>
    NotConfigured,

    /// <summary>The endpoint answered the model list or the 1-token calls.</summary>
    Reachable,

    /// <summary>No usable answer: refused connection, timeout, or an error such as a refused key.</summary>
    Unreachable,
}
