using System.Diagnostics.CodeAnalysis;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// The one folder whose SQLite files users may name. A path counts as inside only after it is made
/// absolute and every symbolic link on it is followed, so neither <c>..</c> nor a link can lead out.
/// </summary>
internal sealed class SqliteFolder
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _path;

    public SqliteFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Path.IsPathFullyQualified(path)) throw new ArgumentException("The SQLite folder must be an absolute path.", nameof(path));
        _path = Path.GetFullPath(path);
    }

    /// <param name="path">Relative to the folder, or absolute.</param>
    /// <param name="fullPath">The file's real absolute path, links followed: what the driver must open.</param>
    /// <param name="relativePath">The same path relative to the folder, for descriptions.</param>
    public bool TryResolveExistingFile(string path, [NotNullWhen(true)] out string? fullPath, [NotNullWhen(true)] out string? relativePath)
    {
        fullPath = relativePath = null;
        string folder, file;
        try
        {
            // The folder itself may sit behind a link (/tmp on macOS, a mounted volume), so compare real paths.
            folder = RealPath.Resolve(_path);
            file = RealPath.Resolve(Path.GetFullPath(path, _path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }

        var folderWithSeparator = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        if (!file.StartsWith(folderWithSeparator, PathComparison) || !File.Exists(file)) return false;
        fullPath = file;
        relativePath = Path.GetRelativePath(folder, file);
        return true;
    }
}
