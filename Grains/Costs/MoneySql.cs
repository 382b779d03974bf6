using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Money in the app tables: the one place where the dialects differ for costs; each <see cref="SqlDialect"/> names its form. Every dialect
/// stores the same value (the columns' scale), and totals come out exact in every dialect.
/// </summary>
internal abstract class MoneySql
{
    /// <summary>Decimal places of the money columns (<c>numeric(20,10)</c>).</summary>
    public const int Scale = 10;

    /// <summary>Decimal columns, summed by the server (PostgreSQL, SQL Server).</summary>
    public static readonly MoneySql Native = new NativeDecimal();

    /// <summary>Text columns summed as integers (SQLite).</summary>
    public static readonly MoneySql Text = new TextDecimal();

    public static MoneySql For(SqlDialect dialect) => dialect.Money;

    /// <summary>
    /// The value a money column holds. The server dialects round to the column's scale themselves;
    /// rounding here too means SQLite's text columns hold exactly the same number.
    /// </summary>
    public static decimal Stored(decimal value) => decimal.Round(value, Scale, MidpointRounding.AwayFromZero);

    /// <summary>A SQL expression totalling a money column over a group; 0 for an empty group.</summary>
    public abstract string Sum(string column);

    /// <summary>Reads what <see cref="Sum"/> or <see cref="SumDailyTotals"/> produced.</summary>
    public abstract decimal ReadSum(DbDataReader reader, int ordinal);

    /// <summary>
    /// The value a money column of the daily totals holds. <see cref="Sum"/> of ledger rows gives the same
    /// form, so the totals can be filled straight from it.
    /// </summary>
    public abstract object DailyTotal(decimal storedValue);

    /// <summary>A SQL expression totalling a money column of the daily totals over a group; 0 for an empty group.</summary>
    public static string SumDailyTotals(string column) => $"COALESCE(SUM({column}), 0)";

    private sealed class NativeDecimal : MoneySql
    {
        public override string Sum(string column) => $"COALESCE(SUM({column}), 0)";

        public override decimal ReadSum(DbDataReader reader, int ordinal) => DbValues.Decimal(reader, ordinal);

        public override object DailyTotal(decimal storedValue) => storedValue;
    }

    /// <summary>
    /// SQLite keeps money as text, and SUM over text is floating point. Each value is turned into an
    /// integer count of 10^-10 instead (whole part × 10^10 + the fraction padded to 10 digits, all by
    /// string functions, never through a float), and integer sums are exact. The ledger writes at
    /// most <see cref="Scale"/> decimals, so nothing is cut. The daily totals keep that integer count
    /// itself (INTEGER columns), because they are added to in place and text would be added as a float.
    /// </summary>
    private sealed class TextDecimal : MoneySql
    {
        private const decimal Unit = 10_000_000_000m;

        public override string Sum(string column) =>
            $"COALESCE(SUM(CAST({column} AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr({column}, '.') = 0 THEN '' " +
            $"ELSE substr({column}, instr({column}, '.') + 1) END || '0000000000', 1, 10) AS INTEGER)), 0)";

        public override decimal ReadSum(DbDataReader reader, int ordinal) => DbValues.Int64(reader, ordinal) / Unit;

        public override object DailyTotal(decimal storedValue) => decimal.ToInt64(storedValue * Unit);
    }
}
