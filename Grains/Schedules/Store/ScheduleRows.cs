using System.Data.Common;
using System.Globalization;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Store;

/// <summary>How a <see cref="ScheduleDefinition"/> maps to the columns of <c>Schedules</c>, in both directions.</summary>
internal static class ScheduleRows
{
    /// <summary>Every column, in the order <see cref="Read"/> reads them.</summary>
    public static readonly string[] Columns =
    [
        "ScheduleId", "OwnerUserId", "OrgId", "DatabaseId", "ChatId", "SourceConversationId", "Title", "Sql", "Kind",
        "RhythmKind", "TimeOfDayMinutes", "TimeZone", "RhythmDay", "CronText", "AlertCondition", "AlertThreshold", "AlertCrossed",
        "LastValue", "EmailTo", "WebhookUrl", "WebhookSecret", "Status", "PauseReason", "NextDueAt", "CreatedAt",
    ];

    /// <summary>The columns a change may rewrite; who owns it, where it reads and what it runs stay as created.</summary>
    public static readonly string[] Changeable = ["Status", "PauseReason", "NextDueAt", "AlertCrossed", "LastValue"];

    public static string SelectList(string alias) => string.Join(", ", Columns.Select(column => $"{alias}.{column}"));

    /// <summary>Binds <c>@Column</c> for every column; the webhook secret goes in already protected.</summary>
    public static void Bind(DbCommand command, SqlDialect dialect, ScheduleDefinition schedule, string? protectedSecret)
    {
        foreach (var (name, value) in Values(dialect, schedule, protectedSecret)) command.AddParameter("@" + name, value);
    }

    public static void BindChangeable(DbCommand command, SqlDialect dialect, ScheduleDefinition schedule)
    {
        foreach (var (name, value) in Values(dialect, schedule, null).Where(pair => Changeable.Contains(pair.Name))) command.AddParameter("@" + name, value);
    }

    /// <summary>Reads a row selected with <see cref="SelectList"/> from <paramref name="first"/> on; the secret comes back as stored.</summary>
    public static (ScheduleDefinition Schedule, string? ProtectedSecret) Read(DbDataReader reader, int first = 0)
    {
        int At(int column) => first + column;
        var rhythm = new ScheduleRhythm(
            Enum.Parse<RhythmKind>(reader.GetString(At(9))),
            TimeSpan.FromMinutes(DbValues.Int64(reader, At(10))),
            reader.GetString(At(11)),
            DbValues.NullableInt32(reader, At(12)) is { } day ? (DayOfWeek)day : null,
            DbValues.NullableString(reader, At(13)));
        var alert = DbValues.NullableString(reader, At(14)) is { } condition
            ? new AlertRule(Enum.Parse<AlertCondition>(condition), Trimmed(DbValues.Decimal(reader, At(15))))
            : null;
        var schedule = new ScheduleDefinition(
            ScheduleId: reader.GetString(At(0)),
            OwnerUserId: DbValues.Int64(reader, At(1)),
            OrgId: DbValues.NullableString(reader, At(2)),
            DatabaseId: reader.GetString(At(3)),
            ChatId: DbValues.Int64(reader, At(4)),
            SourceConversationId: reader.GetString(At(5)),
            Title: reader.GetString(At(6)),
            Sql: reader.GetString(At(7)),
            Kind: Enum.Parse<ScheduleKind>(reader.GetString(At(8))),
            Rhythm: rhythm,
            Alert: alert,
            EmailTo: Recipients.Split(reader.GetString(At(18))),
            WebhookUrl: DbValues.NullableString(reader, At(19)),
            WebhookSecret: null,
            Status: Enum.Parse<ScheduleStatus>(reader.GetString(At(21))),
            PauseReason: Enum.Parse<PauseReason>(reader.GetString(At(22))),
            NextDueAt: reader.IsDBNull(At(23)) ? null : DbValues.Timestamp(reader, At(23)),
            CreatedAt: DbValues.Timestamp(reader, At(24)),
            Crossed: DbValues.Boolean(reader, At(16)),
            LastValue: DbValues.NullableDecimal(reader, At(17)) is { } last ? Trimmed(last) : null);
        return (schedule, DbValues.NullableString(reader, At(20)));
    }

    private static IEnumerable<(string Name, object? Value)> Values(SqlDialect dialect, ScheduleDefinition schedule, string? protectedSecret)
    {
        yield return ("ScheduleId", schedule.ScheduleId);
        yield return ("OwnerUserId", schedule.OwnerUserId);
        yield return ("OrgId", schedule.OrgId);
        yield return ("DatabaseId", schedule.DatabaseId);
        yield return ("ChatId", schedule.ChatId);
        yield return ("SourceConversationId", schedule.SourceConversationId);
        yield return ("Title", schedule.Title);
        yield return ("Sql", schedule.Sql);
        yield return ("Kind", schedule.Kind.ToString());
        yield return ("RhythmKind", schedule.Rhythm.Kind.ToString());
        yield return ("TimeOfDayMinutes", (int)schedule.Rhythm.TimeOfDay.TotalMinutes);
        yield return ("TimeZone", schedule.Rhythm.TimeZone);
        yield return ("RhythmDay", schedule.Rhythm.Day is { } day ? (int)day : null);
        yield return ("CronText", schedule.Rhythm.CronText);
        yield return ("AlertCondition", schedule.Alert?.Condition.ToString());
        yield return ("AlertThreshold", Number(dialect, schedule.Alert?.Threshold));
        yield return ("AlertCrossed", schedule.Crossed);
        yield return ("LastValue", Number(dialect, schedule.LastValue));
        yield return ("EmailTo", Recipients.Join(schedule.EmailTo));
        yield return ("WebhookUrl", schedule.WebhookUrl);
        yield return ("WebhookSecret", protectedSecret);
        yield return ("Status", schedule.Status.ToString());
        yield return ("PauseReason", schedule.PauseReason.ToString());
        yield return ("NextDueAt", schedule.NextDueAt is { } due ? dialect.Timestamp(due) : null);
        yield return ("CreatedAt", dialect.Timestamp(schedule.CreatedAt));
    }

    // numeric(38,10) hands back ten decimals: 50 is stored and shown as 50, not 50.0000000000.
    private static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;

    // SQLite has no exact decimal: the app keeps such numbers as invariant text there.
    private static object? Number(SqlDialect dialect, decimal? value) =>
        value is not { } number ? null : dialect is SqliteDialect ? number.ToString(CultureInfo.InvariantCulture) : number;
}
