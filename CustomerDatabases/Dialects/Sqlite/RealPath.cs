namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// An absolute path with every symbolic link on it followed, directories included (what POSIX
/// <c>realpath</c> gives; .NET resolves only the last component). Missing parts are kept as written.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so do we, which also ends link cycles.
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than 40 links, e.g. a cycle.</exception>
    public static string Resolve(string fullPath)
    {
        var current = Path.GetPathRoot(fullPath) ?? throw new ArgumentException("The path must be absolute.", nameof(fullPath));
        var pending = new Stack<string>();
        Push(pending, fullPath[current.Length..]);
        var links = 0;

        while (pending.TryPop(out var segment))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks) throw new IOException("Too many levels of symbolic links.");
            // A link's target is read from where the link sits, or from the root when absolute.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            Push(pending, target);
        }
        return current;
    }

    private static void Push(Stack<string> pending, string relativePath)
    {
        var segments = relativePath.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = segments.Length - 1; i >= 0; i--) pending.Push(segments[i]);
    }
}
