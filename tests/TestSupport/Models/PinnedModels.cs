namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// The stage models test silos are configured with: names whose prices appsettings.json seeds, so a change of
/// the shipped defaults does not move the figures tests check. The fake model server offers them.
/// </summary>
public static class PinnedModels
{
    public const string Summary = "gemini-2.5-flash";
    public const string Answer = "gemini-2.0-flash";
    public const string Email = "gemini-2.5-flash";
}
