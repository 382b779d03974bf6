using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Where a cost report reads: the ledger's rows, which answer any scope and range, or the daily totals
/// kept with them (<see cref="DailyCostAggregates"/>), which answer an organization's whole UTC days
/// from a few rows per day instead of every model call. Both give the same numbers.
/// </summary>
internal abstract class CostSource
{
    public static readonly CostSource Rows = new LedgerRows();
    private static readonly CostSource Daily = new DailyTotals();

    /// <summary>The daily totals when they can answer exactly: an organization, from and to at 00:00 UTC.</summary>
    public static CostSource For(CostScope scope, DateTimeOffset from, DateTimeOffset to) =>
        scope.OrgId is not null && IsDayStart(from) && IsDayStart(to) ? Daily : Rows;

    private static bool IsDayStart(DateTimeOffset value) => value.UtcTicks % TimeSpan.TicksPerDay == 0;

    /// <summary>FROM and WHERE of the scope's questions in [<c>@from</c>, <c>@to</c>), aliased <c>c</c>; binds the scope.</summary>
    public abstract string Questions(CostScope scope, DbCommand command);

    /// <summary>FROM and WHERE of those questions' model calls, aliased <c>s</c>; binds the scope.</summary>
    public abstract string Calls(CostScope scope, DbCommand command);

    /// <summary>How many questions a group of <c>c</c> holds.</summary>
    public abstract string QuestionCount { get; }

    /// <summary>How many model calls a group of <c>s</c> holds.</summary>
    public abstract string CallCount { get; }

    /// <summary>The total of a money column over a group, in the form <see cref="MoneySql.ReadSum"/> reads.</summary>
    public abstract string Money(MoneySql money, string column);

    /// <summary>How many calls of a group of <c>s</c> had no price in force; needs <see cref="BindPriceUnknown"/>.</summary>
    public abstract string UnpricedCallCount { get; }

    /// <summary>The user a group of <c>s</c> belongs to.</summary>
    public abstract string CallUserId { get; }

    /// <summary>
    /// Counts the rows whose <paramref name="priceKnownColumn"/> is false. The value is a parameter because the
    /// dialects spell a false boolean differently (PostgreSQL <c>false</c>, SQL Server and SQLite 0).
    /// </summary>
    public static string UnpricedCount(string priceKnownColumn) =>
        $"COALESCE(SUM(CASE WHEN {priceKnownColumn} = @priceUnknown THEN 1 ELSE 0 END), 0)";

    public static void BindPriceUnknown(DbCommand command) => command.AddParameter("@priceUnknown", false);

    private sealed class LedgerRows : CostSource
    {
        public override string Questions(CostScope scope, DbCommand command) =>
            $"Conversations c WHERE {scope.Condition("c", command)} AND c.StartedAt >= @from AND c.StartedAt < @to";

        public override string Calls(CostScope scope, DbCommand command) => $"""
            ConversationStages s
              JOIN Conversations c ON c.ConversationId = s.ConversationId
             WHERE {scope.Condition("c", command)} AND c.StartedAt >= @from AND c.StartedAt < @to
            """;

        public override string QuestionCount => "COUNT(*)";

        public override string CallCount => "COUNT(*)";

        public override string Money(MoneySql money, string column) => money.Sum(column);

        public override string UnpricedCallCount => UnpricedCount("s.PriceKnown");

        public override string CallUserId => "c.UserId";
    }

    /// <summary>Day holds 00:00 UTC of the questions' start day, so whole days select exactly the rows' range.</summary>
    private sealed class DailyTotals : CostSource
    {
        public override string Questions(CostScope scope, DbCommand command) =>
            $"DailyQuestionCosts c WHERE {scope.Condition("c", command)} AND c.Day >= @from AND c.Day < @to";

        public override string Calls(CostScope scope, DbCommand command) =>
            $"DailyModelCosts s WHERE {scope.Condition("s", command)} AND s.Day >= @from AND s.Day < @to";

        public override string QuestionCount => "COALESCE(SUM(c.Questions), 0)";

        public override string CallCount => "COALESCE(SUM(s.Calls), 0)";

        public override string Money(MoneySql money, string column) => MoneySql.SumDailyTotals(column);

        public override string UnpricedCallCount => "COALESCE(SUM(s.UnpricedCalls), 0)";

        public override string CallUserId => "s.UserId";
    }
}
