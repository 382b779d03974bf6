using System.Data.Common;
using System.Diagnostics;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Keeps the values of text columns that have few of them (a status, a region, a category), read when the schema is,
/// so a question that names a value ("cancelled orders", "Jetblue flights") finds the column that holds it. Bounded in
/// every way: rows read per column, values per column and per database, columns sampled, and one time budget for all;
/// columns whose names suggest secrets or personal data are never read.
/// </summary>
public static class ValueHintSampler
{
    /// <summary>A column with more distinct values than this is not a category: none of its values is kept.</summary>
    public const int MaxValuesPerColumn = 50;

    /// <summary>Rows read per column: a huge table costs no full scan (values only in later rows are missed).</summary>
    public const int SampleRows = 10_000;

    /// <summary>A longer value is free text, not a category: the column is not kept.</summary>
    public const int MaxValueLength = 60;

    public const int MaxColumnsPerDatabase = 200;

    public const int MaxValuesPerDatabase = 2_000;

    /// <summary>All sampling of one database together stops after this long, keeping what it found.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(5);

    private static readonly string[] TextTypeWords = ["char", "text", "string", "enum", "citext"];

    public static async Task<IReadOnlyList<TableSchema>> AddValuesAsync(
        CustomerDialect dialect, DbConnection openConnection, IReadOnlyList<TableSchema> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(tables);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeBudget);
        using var stop = dialect.Driver.StopOnCancel(openConnection, budget.Token);
        var clock = Stopwatch.StartNew();
        var (columnsRead, valuesKept) = (0, 0);
        var result = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            var columns = table.Columns.ToArray();
            for (var i = 0; i < columns.Length; i++)
            {
                if (!IsCandidate(table, columns[i]) || columnsRead >= MaxColumnsPerDatabase || budget.IsCancellationRequested) continue;
                columnsRead++;
                var values = await ReadAsync(dialect, openConnection, table, columns[i], TimeBudget - clock.Elapsed, budget.Token);
                if (values is null || valuesKept + values.Count > MaxValuesPerDatabase) continue;
                valuesKept += values.Count;
                columns[i] = columns[i] with { Values = values };
            }
            result.Add(columns.SequenceEqual(table.Columns) ? table : table with { Columns = columns });
        }
        return result;
    }

    private static bool IsCandidate(TableSchema table, ColumnSchema column) =>
        !table.IsView && table.RowEstimate is not 0 && !table.PrimaryKey.Contains(column.Name)
        && TextTypeWords.Any(word => column.DataType.Contains(word, StringComparison.OrdinalIgnoreCase))
        && !SensitiveColumnNames.IsSensitive(table.Name, column.Name) && !NamesATime(column.Name);

    // Dates kept as text (SQLite) are not categories, and a question names them in other spellings anyway.
    private static bool NamesATime(string columnName)
    {
        var words = NameWords.FromName(columnName).ToArray();
        return words.Length > 0 && (words[^1] is "at" or "on" || words.Any(word => word is "date" or "time" or "timestamp" or "day" or "month" or "year"));
    }

    /// <returns>The column's values in order, or null when it has too many, too long ones, or could not be read in time.</returns>
    private static async Task<IReadOnlyList<string>?> ReadAsync(CustomerDialect dialect, DbConnection connection, TableSchema table,
        ColumnSchema column, TimeSpan timeLeft, CancellationToken cancellationToken)
    {
        if (timeLeft <= TimeSpan.Zero) return null;
        var style = dialect.NameStyle;
        await using var command = connection.CreateCommand();
        command.CommandText = dialect.DistinctValuesQuery(SqlNames.Table(table.Schema, table.Name, style), SqlNames.Quote(column.Name, style),
            SampleRows, MaxValuesPerColumn + 1);
        command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeLeft.TotalSeconds));
        var values = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(0)) continue;
                var value = Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                if (values.Count == MaxValuesPerColumn || value.Length > MaxValueLength) return null;
                // A value the prompt could not show exactly as stored (line breaks, padding) is no use as a hint.
                if (value.Trim().Length == value.Length && value.Length > 0 && !value.Any(char.IsControl)) values.Add(value);
            }
        }
        catch (Exception error) when (error is DbException or OperationCanceledException or InvalidOperationException or InvalidCastException)
        {
            // A column the login may not read, a type the driver cannot convert, or the time budget spent: no hints for it.
            return null;
        }
        values.Sort(StringComparer.Ordinal);
        return values;
    }
}
