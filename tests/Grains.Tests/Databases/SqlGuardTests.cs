using System.Text.RegularExpressions;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// The SQL guard on its own: no database runs here. PostgreSQL and SQLite text goes through the guard's
/// tokenizer, SQL Server text through Microsoft's T-SQL parser only.
/// </summary>
public sealed class SqlGuardTests
{
    [Theory]
    [MemberData(nameof(SqlGuardCases.PostgreSqlAndSqliteAllowedReads), MemberType = typeof(SqlGuardCases))]
    public void PostgreSqlAndSqlite_Read_IsAllowedAsQuery(DatabaseProvider provider, string sql)
    {
        AssertAllowed(SqlGuard.Check(provider, sql), StatementKind.Query);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.PostgreSqlAndSqliteRefusedReads), MemberType = typeof(SqlGuardCases))]
    public void PostgreSqlAndSqlite_HostileSql_IsRefusedWithReason(DatabaseProvider provider, string sql, string reason)
    {
        AssertRefused(SqlGuard.Check(provider, sql), reason);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.PostgreSqlAndSqliteAllowedWrites), MemberType = typeof(SqlGuardCases))]
    public void PostgreSqlAndSqlite_WriteMode_InsertOrUpdate_IsAllowedWithKind(DatabaseProvider provider, string sql, StatementKind kind)
    {
        AssertAllowed(SqlGuard.Check(provider, sql, allowWrites: true), kind);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.PostgreSqlAndSqliteRefusedWrites), MemberType = typeof(SqlGuardCases))]
    public void PostgreSqlAndSqlite_WriteMode_HostileSql_IsRefusedWithReason(DatabaseProvider provider, string sql, string reason)
    {
        AssertRefused(SqlGuard.Check(provider, sql, allowWrites: true), reason);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.SqlServerAllowedReads), MemberType = typeof(SqlGuardCases))]
    public void SqlServer_Read_IsAllowedAsQuery_ParsedOnly_NoServerRunsHere(string sql)
    {
        AssertAllowed(SqlGuard.Check(DatabaseProvider.SqlServer, sql), StatementKind.Query);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.SqlServerRefusedReads), MemberType = typeof(SqlGuardCases))]
    public void SqlServer_HostileSql_IsRefusedWithReason_ParsedOnly_NoServerRunsHere(string sql, string reason)
    {
        AssertRefused(SqlGuard.Check(DatabaseProvider.SqlServer, sql), reason);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.SqlServerAllowedWrites), MemberType = typeof(SqlGuardCases))]
    public void SqlServer_WriteMode_InsertOrUpdate_IsAllowedWithKind_ParsedOnly_NoServerRunsHere(string sql, StatementKind kind)
    {
        AssertAllowed(SqlGuard.Check(DatabaseProvider.SqlServer, sql, allowWrites: true), kind);
    }

    [Theory]
    [MemberData(nameof(SqlGuardCases.SqlServerRefusedWrites), MemberType = typeof(SqlGuardCases))]
    public void SqlServer_WriteMode_HostileSql_IsRefusedWithReason_ParsedOnly_NoServerRunsHere(string sql, string reason)
    {
        AssertRefused(SqlGuard.Check(DatabaseProvider.SqlServer, sql, allowWrites: true), reason);
    }

    // Keywords and function names are case-insensitive in every dialect; the guard must be too.
    [Theory]
    [MemberData(nameof(SqlGuardCases.PostgreSqlAndSqliteRefusedReads), MemberType = typeof(SqlGuardCases))]
    public void PostgreSqlAndSqlite_HostileSql_InLowerCase_IsStillRefused(DatabaseProvider provider, string sql, string reason)
    {
        Assert.False(SqlGuard.Check(provider, sql.ToLowerInvariant()).Allowed, $"expected a refusal like: {reason}");
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void ReadMode_Insert_IsRefusedButReportedAsInsert(DatabaseProvider provider)
    {
        var verdict = SqlGuard.Check(provider, "INSERT INTO t (a) VALUES (1)");

        AssertRefused(verdict, "would change the database");
        Assert.Equal(StatementKind.Insert, verdict.Kind);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void OverlongSql_IsRefusedUnread(DatabaseProvider provider)
    {
        var sql = "SELECT 1" + new string(' ', SqlGuard.MaxLength);

        AssertRefused(SqlGuard.Check(provider, sql), "too long");
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public void NulCharacter_IsRefused(DatabaseProvider provider)
    {
        AssertRefused(SqlGuard.Check(provider, "SELECT 1\0; DROP TABLE t"), "could not be understood");
    }

    private static void AssertAllowed(GuardVerdict verdict, StatementKind kind)
    {
        Assert.True(verdict.Allowed, verdict.Refusal);
        Assert.Equal(kind, verdict.Kind);
        Assert.Null(verdict.Refusal);
    }

    private static void AssertRefused(GuardVerdict verdict, string reasonPart)
    {
        Assert.False(verdict.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Refusal));
        Assert.Contains(reasonPart, verdict.Refusal, StringComparison.Ordinal);
        AssertOneSentence(verdict.Refusal!);
    }

    private static void AssertOneSentence(string text)
    {
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"[.!?]\s+\p{Lu}"), text);
        Assert.DoesNotContain('\n', text);
    }
}
