namespace OrleansAssistant.Grains.Llm;

/// <summary>One configured model: the setting that names it (e.g. <c>Model:AnswerModel</c>), the name, and whether it is offered.</summary>
public sealed record ModelHealthEntry(string Setting, string Model, ModelHealthPresence Presence);
