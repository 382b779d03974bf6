using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Gateway.Dashboard.Databases;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>The query string of the Questions list, checked field by field: the first bad one is named in a 400.</summary>
internal static class QuestionFilterQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static (QuestionFilter? Filter, ValidationProblem? Problem) Parse(
        string? from, string? to, string? feedback, string? failed, string? member, string? database, string? limit, TimeProvider time)
    {
        var (range, rangeProblem) = DateRange.Parse(from, to, time);
        if (rangeProblem is not null) return (null, rangeProblem);

        bool notHelpfulOnly;
        switch (feedback?.Trim().ToLowerInvariant())
        {
            case null or "" or "any": notHelpfulOnly = false; break;
            case "down": notHelpfulOnly = true; break;
            default: return (null, Problems.Invalid("feedback", "feedback is 'down' (only answers marked 👎) or left out."));
        }

        var failedOnly = false;
        if (!string.IsNullOrWhiteSpace(failed) && !bool.TryParse(failed.Trim(), out failedOnly))
        {
            return (null, Problems.Invalid("failed", "failed is true or false."));
        }

        long? userId = null;
        if (!string.IsNullOrWhiteSpace(member))
        {
            if (!long.TryParse(member.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return (null, Problems.Invalid("member", "member is a member's Telegram user id, e.g. 123456789."));
            }
            userId = parsed;
        }

        string? databaseId = null;
        if (!string.IsNullOrWhiteSpace(database))
        {
            if (!DatabaseIds.IsWellFormed(database.Trim())) return (null, Problems.Invalid("database", "database is the id of one of your organization's databases."));
            databaseId = database.Trim();
        }

        var count = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            return (null, Problems.Invalid("limit", $"limit is a whole number from 1 to {MaxLimit}."));
        }

        return (new QuestionFilter(range!.From, range.To, notHelpfulOnly, failedOnly, userId, databaseId, count), null);
    }
}
