-- Schema v7 of the application tables, SQLite: feedback on answers, the verified question→SQL library
-- of each database, its glossary, which answers came from the library, and the SQL of failed questions.
-- Same table and column names as the server dialects; times are TEXT as in 001.

-- A database's reviewed examples. Rows rather than grain state: the dashboard lists them beside the
-- questions they came from, and a library of thousands changes one row per edit.
CREATE TABLE IF NOT EXISTS VerifiedExamples
(
    Id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    DatabaseId           TEXT    NOT NULL,
    Question             TEXT    NOT NULL,
    Sql                  TEXT    NOT NULL,
    Notes                TEXT    NULL,
    VerifiedBy           INTEGER NOT NULL,
    VerifiedByName       TEXT    NOT NULL,
    VerifiedAt           TEXT    NOT NULL,
    SourceConversationId TEXT    NULL,
    BrokenAt             TEXT    NULL,
    BrokenReason         TEXT    NULL,
    Embedding            TEXT    NULL,
    EmbeddingModel       TEXT    NULL
);

CREATE INDEX IF NOT EXISTS IX_VerifiedExamples_DatabaseId ON VerifiedExamples (DatabaseId);
-- Which answers became examples: the dashboard's review list and the bot's verify offer ask by answer.
CREATE INDEX IF NOT EXISTS IX_VerifiedExamples_SourceConversationId ON VerifiedExamples (SourceConversationId);

-- Owner-written business terms of a database, put into stage 1's prompt.
CREATE TABLE IF NOT EXISTS GlossaryEntries
(
    DatabaseId TEXT    NOT NULL,
    Term       TEXT    NOT NULL,
    Meaning    TEXT    NOT NULL,
    UpdatedBy  INTEGER NOT NULL,
    UpdatedAt  TEXT    NOT NULL,
    PRIMARY KEY (DatabaseId, Term)
);

-- The asker's 👍 (1) or 👎 (-1) on one answer, changeable; a 👎's reason arrives as a reply to the
-- bot's prompt message, found again by (ChatId, ReasonPromptMessageId).
CREATE TABLE IF NOT EXISTS AnswerFeedback
(
    ConversationId        TEXT    NOT NULL PRIMARY KEY,
    UserId                INTEGER NOT NULL,
    Verdict               INTEGER NOT NULL,
    Reason                TEXT    NULL,
    ChatId                INTEGER NULL,
    ReasonPromptMessageId INTEGER NULL,
    UpdatedAt             TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_AnswerFeedback_Prompt ON AnswerFeedback (ChatId, ReasonPromptMessageId);

-- Answers that ran a verified example's SQL instead of asking stage 1, with the tokens that saved.
CREATE TABLE IF NOT EXISTS VerifiedAnswers
(
    ConversationId TEXT    NOT NULL PRIMARY KEY,
    ExampleId      INTEGER NOT NULL,
    Mode           TEXT    NOT NULL,
    TokensSaved    INTEGER NOT NULL
);

-- The SQL of a question that did not end in an answer (the guard refused it, or the database failed it),
-- kept so a curator can review and mend it; answered questions keep theirs in ConversationTurns.
CREATE TABLE IF NOT EXISTS FailedQueries
(
    ConversationId TEXT NOT NULL PRIMARY KEY,
    Sql            TEXT NOT NULL
);
