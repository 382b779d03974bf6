using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Sql;

/// <summary>Paging clauses per dialect; SQLite and PostgreSQL run for real in the activity log tests, SQL Server is parsed here.</summary>
public sealed class SqlDialectPageTests
{
    [Fact]
    public void Page_SqliteAndPostgreSql_UseLimitOffset()
    {
        Assert.Equal("LIMIT @take OFFSET @skip", SqliteDialect.Instance.Page("@skip", "@take"));
        Assert.Equal("LIMIT @take OFFSET @skip", PostgreSqlDialect.Instance.Page("@skip", "@take"));
    }

    [Fact]
    public void Page_SqlServer_IsValidTSqlAfterOrderBy()
    {
        var sql = $"SELECT Id FROM ActivityLog WHERE OrgId = @orgId ORDER BY OccurredAt DESC, Id DESC {SqlServerDialect.Instance.Page("@skip", "@take")}";

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors);
        Assert.Contains("OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY", sql, StringComparison.Ordinal);
    }
}
