using System.Reflection;

namespace OrleansAssistant.Benchmarks.Startup;

/// <summary>
/// The silo as the Silo project builds it (same configuration and framework as this benchmark),
/// so the process start uses the silo's own runtimeconfig and deps files.
/// </summary>
internal static class SiloBinary
{
    public static string Path
    {
        get
        {
            var configuration = typeof(SiloBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var path = System.IO.Path.Combine(RepositoryRoot.Path, "Silo", "bin", configuration, framework, "OrleansAssistant.Silo.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The silo is not built; run: dotnet build Silo -c {configuration}", path);
        }
    }
}
