namespace OrleansAssistant.Silo;

/// <summary>
/// The data folder holds grain state, the app database, the secret key ring and the demo database: on Unix
/// only the service's own account may open it (0700) or its files (0600), whatever the umask says.
/// </summary>
internal static class DataFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder owner-only, or narrows an existing one (installations made before this rule).</summary>
    public static void Prepare(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnlyFolder);
        File.SetUnixFileMode(path, OwnerOnlyFolder);
    }

    /// <summary>Narrows every file directly in the folder to owner-only; run once the databases exist.</summary>
    public static void RestrictFiles(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var file in Directory.EnumerateFiles(path))
        {
            if ((File.GetUnixFileMode(file) & ~OwnerOnlyFile) != 0) File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }
}
