using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.CustomerDatabases.Dialects.SqlServer;
using OrleansAssistant.CustomerDatabases.Schema;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>No SQL Server can run on these machines: its reader's queries are parsed and its type names formatted, never run.</summary>
public sealed class SchemaIntrospectionSqlServerTests
{
    [Fact]
    public void SqlServer_CatalogQueries_ParseAsTransactSql()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        Assert.All(SqlServerSchemaReader.CatalogQueries, query =>
        {
            parser.Parse(new StringReader(query), out var errors);
            Assert.Empty(errors);
        });
    }

    [Theory]
    [InlineData("nvarchar", 200, 0, 0, "nvarchar(100)")]
    [InlineData("varchar", -1, 0, 0, "varchar(max)")]
    [InlineData("char", 3, 0, 0, "char(3)")]
    [InlineData("decimal", 9, 12, 2, "decimal(12,2)")]
    [InlineData("datetime2", 8, 27, 7, "datetime2")]
    [InlineData("datetimeoffset", 9, 29, 3, "datetimeoffset(3)")]
    [InlineData("int", 4, 10, 0, "int")]
    public void SqlServer_TypeName_ShowsLengthAndPrecision(string type, short maxLength, byte precision, byte scale, string expected) =>
        Assert.Equal(expected, SqlServerTypeName.Format(type, maxLength, precision, scale));
}
