namespace OrleansAssistant.Grains.Llm;

/// <summary>Whether the endpoint offers one configured model.</summary>
public enum ModelHealthPresence
{
    /// <summary>Not known: not checked yet, no key, the endpoint is unreachable, or its answer said neither.</summary>
    Unknown,

    /// <summary>Listed by <c>/models</c>, or a 1-token call to it succeeded.</summary>
    Present,

    /// <summary>Not listed by <c>/models</c>, or a 1-token call to it answered 404.</summary>
    Missing,
}
