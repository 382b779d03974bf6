namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// Where browser tests leave screenshots for people to look at: <c>$ORLEANS_ASSISTANT_TEST_ARTIFACTS/screenshots</c>,
/// or <c>test-artifacts/screenshots</c> at the repository root.
/// </summary>
public static class BrowserArtifacts
{
    public const string Variable = "ORLEANS_ASSISTANT_TEST_ARTIFACTS";

    public static string ScreenshotFolder { get; } = Path.Combine(Root(), "screenshots");

    /// <summary>The full path for a screenshot named <paramref name="fileName"/> (e.g. <c>owner-members.png</c>).</summary>
    public static string Screenshot(string fileName)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        return Path.Combine(ScreenshotFolder, fileName);
    }

    private static string Root()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansAssistant.sln"))) return Path.Combine(folder.FullName, "test-artifacts");
        }
        return Path.Combine(AppContext.BaseDirectory, "test-artifacts");
    }
}
