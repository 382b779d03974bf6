namespace OrleansAssistant.Grains.Telemetry;

/// <summary>The <c>kind</c> tag of <c>assistant.errors</c>: whose fault a failure was.</summary>
public enum ErrorKind
{
    /// <summary>The model could not be reached, or sent a reply that did not parse.</summary>
    Model,
    /// <summary>A customer database could not be reached (schema read or query).</summary>
    Database,
    /// <summary>Model-written SQL was refused, failed or timed out.</summary>
    Query,
}
