using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

/// <summary>Other accounts on the machine can neither list the data folder nor read its databases.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderModeTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task FirstStart_CreatesTheDataFolder0700_AndItsDatabases0600()
    {
        using var parent = new TempDirectory();
        var data = Path.Combine(parent.Path, "data");
        var settings = InProcessSilo.BaseSettings(data);
        settings["Databases:DemoDatabase"] = "true";

        await using (await InProcessSilo.StartAsync(settings))
        {
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
            foreach (var name in new[] { "grains.db", "app.db", "demo-sales.db" })
            {
                var file = Path.Combine(data, name);
                Assert.True(File.Exists(file), $"{name} missing");
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Start_NarrowsAFolderAnOlderVersionLeftOpen()
    {
        using var folder = new TempDirectory();
        File.SetUnixFileMode(folder.Path, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using (await InProcessSilo.StartAsync(InProcessSilo.BaseSettings(folder.Path)))
        {
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder.Path));
        }
    }
}
