namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// One normalised word of a question. <see cref="Word"/> keeps numbers and dates as written (for similarity);
/// <see cref="Term"/> masks them as <c>&lt;num&gt;</c> / <c>&lt;date&gt;</c> (for ranking), so "sales in 2023" ranks for "sales in 2024".
/// </summary>
internal readonly record struct QuestionWord(string Word, string Term, bool IsStopWord)
{
    public const string NumberTerm = "<num>";
    public const string DateTerm = "<date>";

    public bool IsDate => string.Equals(Term, DateTerm, StringComparison.Ordinal);
}
