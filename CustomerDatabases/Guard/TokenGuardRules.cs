namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// A dialect's own check of one statement's tokens, run before the shared ones so its reasons come first.
/// Returns the refusal, or null when the dialect sees nothing wrong.
/// </summary>
/// <param name="main">Index of the statement's main keyword (SELECT, INSERT …), after any WITH clause.</param>
internal delegate string? DialectStatementRule(SqlToken[] tokens, int main, bool allowWrites);

/// <summary>What the token guard needs to know of one dialect: how its lexer reads text, and what its grammar adds.</summary>
/// <param name="Lexicon">How the server splits text into tokens.</param>
/// <param name="ForbiddenFunctions">Functions no statement may call.</param>
/// <param name="TableStatement">Whether <c>TABLE t</c> is a query (PostgreSQL).</param>
/// <param name="AttributeCalls">Whether <c>x.f</c> calls <c>f(x)</c> (PostgreSQL), so a forbidden name after a dot counts as a call.</param>
/// <param name="NameQuotes">How refusals tell the model to quote a name that clashes with a keyword.</param>
/// <param name="DialectRule">Grammar only this dialect has (variables, INTO OUTFILE …), checked before the shared rules.</param>
internal sealed record TokenGuardRules(
    SqlLexicon Lexicon,
    FunctionDenyList ForbiddenFunctions,
    bool TableStatement = false,
    bool AttributeCalls = false,
    string NameQuotes = "double quotes",
    DialectStatementRule? DialectRule = null);
