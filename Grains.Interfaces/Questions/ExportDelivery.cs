namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>Where an export goes, which decides whether a quick repeat is a double press.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ExportDelivery")]
public enum ExportDelivery
{
    /// <summary>Sent into a chat: a second press within seconds is a double press and gets no second file.</summary>
    Chat = 0,
    /// <summary>Downloaded in the dashboard: every request gets the file.</summary>
    Download = 1,
}
