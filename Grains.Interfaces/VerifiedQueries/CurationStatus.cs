namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>How a change to a database's library (examples, glossary) or a trial run ended.</summary>
[GenerateSerializer, Alias("OrleansAssistant.CurationStatus")]
public enum CurationStatus
{
    Saved = 0,
    /// <summary>The asker may not curate this database's library.</summary>
    NotAllowed = 1,
    /// <summary>No such example (or answer) on this database; another database's id reads the same.</summary>
    NotFound = 2,
    /// <summary>A field is empty, too long or malformed; <see cref="CurationResult.Problem"/> names it.</summary>
    Invalid = 3,
    /// <summary>The guard refused the SQL (a write, several statements, a forbidden function …); the guard's reason is the problem.</summary>
    SqlRefused = 4,
    /// <summary>The database ran the SQL and reported an error; its words are the problem.</summary>
    SqlFailed = 5,
    DatabaseUnavailable = 6,
    /// <summary>The library already holds as many examples as one database may have.</summary>
    LibraryFull = 7,
    /// <summary>The same question and SQL are already verified; nothing changed.</summary>
    AlreadyVerified = 8,
}
