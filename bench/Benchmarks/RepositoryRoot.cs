namespace OrleansAssistant.Benchmarks;

/// <summary>The folder holding OrleansAssistant.sln, found upwards from the benchmark's binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "OrleansAssistant.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("OrleansAssistant.sln not found above the benchmark binaries; run the benchmark from its build output.");
    }
}
