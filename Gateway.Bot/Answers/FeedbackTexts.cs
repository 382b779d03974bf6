using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>What people read about their 👍 / 👎, a 👎's reason and verifying an answer.</summary>
internal static class FeedbackTexts
{
    public const string NoLongerWorks = "This button no longer works.";
    public const string OnlyTheAsker = "Only the person who asked can rate this answer.";
    public const string ReasonPrompt = "What was wrong? Reply to this message with one line — or just carry on.";
    /// <summary>The reason prompt; in a group it starts by mentioning the asker, whom a selective force-reply then targets.</summary>
    public static string ReasonPromptFor(Telegram.Bot.Types.User? asker) => asker is null
        ? Texts.Html(ReasonPrompt)
        : $"<a href=\"tg://user?id={asker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}\">{Texts.Html(asker.FirstName)}</a>, " +
          Texts.Html(char.ToLowerInvariant(ReasonPrompt[0]) + ReasonPrompt[1..]);

    public const string ReasonPlaceholder = "What was wrong with the answer?";
    public const string ReasonNoted = "Thanks, noted.";

    /// <summary>The toast on a rating button.</summary>
    public static string Rated(FeedbackResult result) => result.Status switch
    {
        FeedbackStatus.Recorded => result.Verdict == FeedbackVerdict.Helpful ? "Thanks!" : "Thanks, noted.",
        FeedbackStatus.Unchanged => "Already noted.",
        FeedbackStatus.NotRateable => "This answer has no query to rate.",
        _ => OnlyTheAsker,
    };

    /// <summary>The offer under an answer its asker may verify, saying what verifying does.</summary>
    public static string VerifyOffer(string? databaseName)
    {
        var database = databaseName is null ? "this database" : Texts.Bold(databaseName);
        return $"Verify this answer's SQL? The same question on {database} will then be answered with this query, " +
               "without the model writing it, for everyone who asks it there.";
    }

    /// <summary>The verify offer's new text once pressed, or null when the button alone answers (nothing changed).</summary>
    public static string? Verified(CurationResult result) => result.Status switch
    {
        CurationStatus.Saved => "✓ Verified. The same question is now answered with this query, without the model writing it.",
        CurationStatus.SqlRefused => "This SQL cannot be verified: only queries that read data can be, and the guard refused this one." + Why(result),
        CurationStatus.SqlFailed => "This SQL cannot be verified: the database reports an error when it runs." + Why(result),
        CurationStatus.DatabaseUnavailable => "The database is unavailable right now, so nothing was verified. Try again later.",
        CurationStatus.LibraryFull => "This database's verified library is full, so nothing was added. Remove examples on the dashboard first.",
        CurationStatus.Invalid => $"This answer cannot be verified as it is: its {(result.Problem == "sql" ? "SQL" : "question")} is empty or too long.",
        _ => null,
    };

    /// <summary>The toast on [✓ Verify].</summary>
    public static string VerifyToast(CurationResult result) => result.Status switch
    {
        CurationStatus.Saved => "Verified",
        CurationStatus.AlreadyVerified => "Already verified.",
        CurationStatus.NotAllowed => "Only the database's owner can verify its answers (an administrator for the shared database).",
        CurationStatus.NotFound => "Only the person who asked can verify this answer.",
        _ => "Not verified.",
    };

    private static string Why(CurationResult result) => result.Problem is { Length: > 0 } problem ? "\n<i>" + Texts.Html(problem) + "</i>" : "";
}
