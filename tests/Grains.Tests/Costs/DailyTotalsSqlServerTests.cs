using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// The SQL Server forms of the daily totals' SQL, parsed only because no SQL Server runs here; the
/// PostgreSQL and SQLite forms run for real in <see cref="CostLedgerTests"/>.
/// </summary>
public sealed class DailyTotalsSqlServerTests
{
    [Fact]
    public void AddToRow_SqlServer_IsOneMergeHoldingItsKeyRange()
    {
        var sql = SqlServerDialect.Instance.AddToRow("DailyQuestionCosts", ["OrgId", "Day", "UserId"], ["Questions", "InputCost"]);

        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors);
        Assert.IsType<MergeStatement>(Assert.Single(Assert.Single(script.Batches).Statements));
        Assert.Contains("WITH (HOLDLOCK)", sql, StringComparison.Ordinal);
        Assert.Contains("target.InputCost = target.InputCost + source.InputCost", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void UtcDayStart_SqlServer_IsAnExpression()
    {
        var sql = $"SELECT {SqlServerDialect.Instance.UtcDayStart("c.StartedAt")} AS Day FROM Conversations c";

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors);
    }
}
