using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using static OrleansAssistant.Grains.Tests.Databases.SchemaSyntheticCatalog;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Table picking beyond plain word overlap: join paths, the conversation's tables, and the cap.</summary>
public sealed class RelevantTablesTests
{
    [Fact]
    public void ABridgingTable_BetweenTwoPickedTables_ComesAlong_EvenPastTheCap()
    {
        // "students" and "courses" are named; "enrolments" joins them and is named by nothing in the question.
        var tables = Filler(30)
            .Append(Table("students", ["id", "name"]))
            .Append(Table("courses", ["id", "title"]))
            .Append(Table("enrolments", ["id", "student_id", "course_id"], References("student_id", "students"), References("course_id", "courses")))
            .ToArray();

        var picked = RelevantTables.Pick(new DatabaseSchema(tables, DateTimeOffset.UnixEpoch), "Which students take the course titled Algebra?", maxTables: 2);

        Assert.Equal(["students", "courses", "enrolments"], picked.Select(table => table.Name));
    }

    [Fact]
    public void AChainTable_ThatJoinsTwoPickedTables_ComesAlong()
    {
        // singers → performances → concerts: the middle table links the two the question names.
        var tables = Filler(30)
            .Append(Table("singers", ["id", "name"]))
            .Append(Table("performances", ["id", "singer_id", "concert_id"], References("singer_id", "singers"), References("concert_id", "concerts")))
            .Append(Table("concerts", ["id", "year"]))
            .ToArray();

        var picked = RelevantTables.Pick(new DatabaseSchema(tables, DateTimeOffset.UnixEpoch), "Names of singers in concerts of 2014", maxTables: 2);

        Assert.Contains(picked, table => table.Name == "performances");
    }

    [Fact]
    public void TablesTheLastTurnsQueried_StayInView_ForAFollowUpThatNamesNone()
    {
        var schema = ShopAmong(60);

        var withoutHistory = RelevantTables.Pick(schema, "and the month before?", maxTables: 5);
        var withHistory = RelevantTables.Pick(schema, "and the month before?", maxTables: 5,
            recentSql: ["SELECT c.name, SUM(o.total) FROM \"customers\" c JOIN orders o ON o.customer_id = c.id GROUP BY c.name"]);

        Assert.DoesNotContain(withoutHistory, table => table.Name == "orders");
        Assert.Contains(withHistory, table => table.Name == "orders");
        Assert.Contains(withHistory, table => table.Name == "customers");
    }

    [Fact]
    public void RecentSql_NamingNoTableOfTheSchema_ChangesNothing()
    {
        var schema = ShopAmong(60);

        Assert.Equal(RelevantTables.Pick(schema, "total orders per customer"),
            RelevantTables.Pick(schema, "total orders per customer", recentSql: ["SELECT 1", ""]));
    }

    [Fact]
    public void Bridges_AreCapped_SoAHubCannotPullInTheWholeSchema()
    {
        // Forty link tables each join "a" and "b": only a few may ride along past the cap.
        var links = Enumerable.Range(1, 40).Select(number =>
            Table($"link_{number:00}", ["id", "a_id", "b_id"], References("a_id", "a"), References("b_id", "b")));
        var tables = links.Append(Table("a", ["id", "alpha"])).Append(Table("b", ["id", "beta"])).ToArray();

        var picked = RelevantTables.Pick(new DatabaseSchema(tables, DateTimeOffset.UnixEpoch), "alpha and beta", maxTables: 2);

        Assert.InRange(picked.Count, 3, 2 + 5);
        Assert.Contains(picked, table => table.Name == "a");
        Assert.Contains(picked, table => table.Name == "b");
    }

    private static IEnumerable<TableSchema> Filler(int count) =>
        Enumerable.Range(1, count).Select(number => Table($"misc_{number:00}", ["id", "code"]));
}
