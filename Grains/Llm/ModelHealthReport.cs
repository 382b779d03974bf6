namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// The latest check of the model endpoint: its state, how the models were checked, one entry per model
/// setting, when it ran (null before the first check) and, when unreachable, why. Never holds the key.
/// </summary>
public sealed record ModelHealthReport(
    ModelHealthState State,
    Uri Endpoint,
    ModelHealthMethod Method,
    IReadOnlyList<ModelHealthEntry> Models,
    DateTimeOffset? CheckedAt,
    string? Problem)
{
    /// <summary>The report before the first check: every model unknown.</summary>
    public static ModelHealthReport NotChecked(ModelSettings settings) =>
        new(ModelHealthState.NotChecked, ShownEndpoint(settings.BaseUrl), ModelHealthMethod.None, Unknown(settings), null, null);

    /// <summary>True once the endpoint answered and offers every configured model.</summary>
    public bool AllPresent => State == ModelHealthState.Reachable && Models.All(entry => entry.Presence == ModelHealthPresence.Present);

    /// <summary>Each stage's setting and model, in pipeline order, every one unknown.</summary>
    public static IReadOnlyList<ModelHealthEntry> Unknown(ModelSettings settings) =>
    [
        new(ModelSettings.SettingOf(ModelStage.Summary), settings.SummaryModel, ModelHealthPresence.Unknown),
        new(ModelSettings.SettingOf(ModelStage.Answer), settings.AnswerModel, ModelHealthPresence.Unknown),
        new(ModelSettings.SettingOf(ModelStage.Email), settings.EmailModel, ModelHealthPresence.Unknown),
    ];

    /// <summary>The endpoint as it may be shown in logs and <c>/healthz</c>: scheme, host, port and path, never user info or a query.</summary>
    public static Uri ShownEndpoint(Uri baseUrl) =>
        new(baseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
}
