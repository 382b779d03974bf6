namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>docs/dashboard-api.md, found by walking up from the test binaries to the repository.</summary>
public static class Contract
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "docs", "dashboard-api.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/dashboard-api.md not found above " + AppContext.BaseDirectory);
    }
}
