namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>What the token guard needs to know of one dialect: how its lexer reads text, and what its grammar adds.</summary>
/// <param name="Lexicon">How the server splits text into tokens.</param>
/// <param name="ForbiddenFunctions">Functions no statement may call.</param>
/// <param name="TableStatement">Whether <c>TABLE t</c> is a query (PostgreSQL).</param>
/// <param name="AttributeCalls">Whether <c>x.f</c> calls <c>f(x)</c> (PostgreSQL), so a forbidden name after a dot counts as a call.</param>
internal sealed record TokenGuardRules(SqlLexicon Lexicon, FunctionDenyList ForbiddenFunctions, bool TableStatement = false, bool AttributeCalls = false);
