using System.Globalization;
using System.Reflection;

namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>One numbered script of <c>sql/&lt;dialect&gt;/NNN_name.sql</c>, embedded in this assembly.</summary>
public sealed record SchemaScript(int Version, string Name, string Text)
{
    private static readonly Assembly Source = typeof(SchemaScript).Assembly;

    /// <summary>The dialect's scripts in the order they apply.</summary>
    public static IReadOnlyList<SchemaScript> For(SqlDialect dialect)
    {
        var prefix = $"sql/{dialect.ScriptFolder}/";
        return Source.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Load(resource, resource[prefix.Length..]))
            .OrderBy(script => script.Version)
            .ToArray();
    }

    private static SchemaScript Load(string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Schema script '{resource}' must be named NNN_description.sql.");
        }
        using var stream = Source.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName, reader.ReadToEnd());
    }
}
