namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>The one-sentence reasons the guard gives; they go back to the user and to the model that wrote the SQL.</summary>
internal static class GuardRefusals
{
    public const string NotUnderstood = "This SQL could not be understood.";
    public const string Unterminated = "This SQL could not be understood: a string, quoted name or comment is never closed.";
    public const string AmbiguousBackslash = "This SQL could not be understood: a backslash right before a quote makes it unclear where the string ends.";
    public const string BackslashInQuotedText = "This SQL could not be understood: a backslash inside quoted text may or may not escape the next character, depending on the server's settings.";
    public const string ExecutableComment = "Comments that the server reads as SQL or hints (/*! … */, /*M! … */, /*+ … */) are not allowed.";
    public const string Variables = "Variables (@name, @@name) and := assignments are not allowed; write the values into the query.";
    public const string SelectIntoFileOrVariable = "SELECT … INTO would write a file or variables and is not allowed.";
    public const string UnicodeEscapedName = "Names written as U&\"…\" with escapes are not allowed; write the name plainly.";
    public const string TooLong = "This SQL is too long to check.";
    public const string Empty = "There is no SQL statement to run.";
    public const string MultipleStatements = "Only one statement can run at a time.";
    public const string BatchSeparator = "GO only separates batches in tools such as sqlcmd, so send the statement without it.";
    public const string ChangesData = "Only queries that read data can run; this statement would change the database.";
    public const string NotAQuery = "Only queries that read data can run; write the statement as a SELECT.";
    public const string NotAQueryOrWrite = "Only a query, one INSERT or one UPDATE can run.";
    public const string SelectInto = "SELECT … INTO would create a table and is not allowed.";
    public const string LockingClause = "Locking clauses such as FOR UPDATE or FOR SHARE are not allowed in a query.";
    public const string LockingHint = "Table hints that lock rows or tables (UPDLOCK, XLOCK, TABLOCK, TABLOCKX, HOLDLOCK …) are not allowed.";
    public const string NestedDataChange = "Data may change only through the statement's one INSERT or UPDATE, never inside WITH or a subquery.";
    public const string OutputInto = "OUTPUT … INTO would write to a second table and is not allowed.";
    public const string ExternalData = "Reaching other servers or files (OPENROWSET, OPENDATASOURCE, OPENQUERY, linked servers) is not allowed.";
    public const string Exec = "That statement is not allowed: EXEC runs procedures.";
    public const string WaitFor = "That statement is not allowed: WAITFOR only waits.";
    public const string SequenceChange = "NEXT VALUE FOR changes a sequence and is not allowed.";
    public const string SystemTable = "System tables cannot be changed.";

    public static string ProcedureCall(string name) =>
        $"Only queries can run, and SQL Server reads this statement as a call of a procedure named {name}.";

    public static string WriteNotAllowed(string keyword) => $"Only INSERT and UPDATE may change data, so {keyword} is not allowed.";

    public static string Keyword(string keyword, string why) => $"That statement is not allowed: {keyword} {why}.";

    /// <summary>A forbidden keyword in the middle of a statement may just be an unquoted column name: say how to fix that.</summary>
    public static string KeywordInside(string keyword, string why, string nameQuotes = "double quotes") =>
        $"That statement is not allowed: {keyword} {why} (if {keyword.ToLowerInvariant()} is a column or table name here, write it in {nameQuotes}).";

    public static string Function(string name) =>
        $"The function {name} is not allowed because it reaches outside the data or changes the server's state.";
}
