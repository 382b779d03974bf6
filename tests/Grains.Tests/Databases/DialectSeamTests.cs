using System.Text.RegularExpressions;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Per-provider behaviour lives in the dialect objects: customers' databases in <c>CustomerDatabases/Dialects/</c>, the app
/// database in <c>Grains/Storage/Sql/</c>. Code anywhere else that compares with or switches on a provider fails here.
/// </summary>
public sealed partial class DialectSeamTests
{
    private static readonly string[] DialectFolders =
        [Path.Combine("CustomerDatabases", "Dialects"), Path.Combine("Grains", "Storage", "Sql")];

    [Fact]
    public void No_code_outside_the_dialect_folders_switches_on_a_provider()
    {
        var offenders = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(place => ProviderDecision().IsMatch(place.line))
            .Select(place => $"{Path.GetRelativePath(RepositoryFolder.Root, place.file)}:{place.number}: {place.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Provider decisions outside the dialect folders:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("if (provider == DatabaseProvider.PostgreSql) return;")]
    [InlineData("        DatabaseProvider.MySql => \"mysql\",")]
    [InlineData("    case DatabaseProvider.Sqlite:")]
    [InlineData("if (info.Provider != DatabaseProvider.SqlServer)")]
    [InlineData("provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql")]
    public void The_check_recognizes_a_provider_decision(string line) => Assert.Matches(ProviderDecision(), line);

    [Theory]
    [InlineData("public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;")]
    [InlineData("var dialect = CustomerDialects.Of(DatabaseProvider.MySql);")]
    public void Naming_a_provider_as_a_value_is_not_a_decision(string line) => Assert.DoesNotMatch(ProviderDecision(), line);

    [Fact]
    public void Every_dialect_names_its_product_as_people_know_it()
    {
        Assert.Equal(["MySQL / MariaDB", "PostgreSQL", "SQL Server", "SQLite"],
            CustomerDialects.All.Select(dialect => dialect.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_provider_has_exactly_one_dialect()
    {
        Assert.Equal(Enum.GetValues<DatabaseProvider>().Order(), CustomerDialects.All.Select(dialect => dialect.Provider).Order());
        Assert.All(Enum.GetValues<DatabaseProvider>(), provider => Assert.Equal(provider, CustomerDialects.Of(provider).Provider));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepositoryFolder.Root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsUnder(file, "tests") && !IsUnder(file, "bin") && !IsUnder(file, "obj")
                && !DialectFolders.Any(folder => IsUnder(file, folder)));

    private static bool IsUnder(string file, string folder)
    {
        var relative = Path.GetRelativePath(RepositoryFolder.Root, file);
        return relative.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.Contains(Path.DirectorySeparatorChar + folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    // ==, !=, is, or, case before a provider, or a provider before => (a switch arm).
    [GeneratedRegex(@"(==|!=|\bis\b|\bor\b|\bcase\b)\s*(not\s+)?DatabaseProvider\.\w+|DatabaseProvider\.\w+\s*(=>|:\s*$)")]
    private static partial Regex ProviderDecision();
}
