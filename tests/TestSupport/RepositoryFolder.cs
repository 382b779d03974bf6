namespace OrleansAssistant.TestSupport;

/// <summary>The checkout the tests run from: the folder holding the solution file.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansAssistant.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No OrleansAssistant.sln above {AppContext.BaseDirectory}.");
    }
}
