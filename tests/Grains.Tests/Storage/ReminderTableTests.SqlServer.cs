using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>
/// The SQL Server reminder queries, checked by parsing only because no server runs here: the script
/// parser sees them as string literals, so each stored query text is parsed on its own.
/// </summary>
public sealed partial class SqlServerReminderQueryTests
{
    [Fact]
    public void EveryReminderQueryText_ParsesAsTransactSql_ParsingOnlyBecauseNoServerRunsHere()
    {
        var script = Assert.Single(SchemaScript.For(SqlServerDialect.Instance), s => s.Name == "010_orleans_reminders.sql");
        var queries = StoredQuery().Matches(script.Text).ToDictionary(match => match.Groups["key"].Value, match => match.Groups["text"].Value.Replace("''", "'", StringComparison.Ordinal));

        Assert.Equal(
            ["DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey"],
            queries.Keys.Order(StringComparer.Ordinal));
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        Assert.All(queries, query =>
        {
            parser.Parse(new StringReader(query.Value), out var errors);
            Assert.True(errors.Count == 0, $"{query.Key}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
        });
    }

    // A row of the MERGE source: the key, an optional comment, then the N'…' text ('' escapes a quote).
    [GeneratedRegex(@"'(?<key>\w+Key)',\s*(?:--[^\n]*\n\s*)*N'(?<text>(?:[^']|'')*)'")]
    private static partial Regex StoredQuery();
}
