-- Application tables, SQLite (embedded mode; grain state is kept by the app's own storage, so
-- there are no Orleans tables here). Same table and column names as the server dialects.
-- Times are TEXT in ISO-8601 UTC (e.g. 2026-11-26T11:41:27.140Z), which sorts chronologically.
-- Money is TEXT: NUMERIC affinity would turn it into floating point, so the app sums decimals itself.
-- Booleans are INTEGER 0/1. Foreign keys are enforced only with PRAGMA foreign_keys = ON.

CREATE TABLE IF NOT EXISTS ModelPricing
(
    Model                 TEXT NOT NULL PRIMARY KEY,
    InputPricePerMillion  TEXT NOT NULL,
    OutputPricePerMillion TEXT NOT NULL,
    Currency              TEXT NOT NULL DEFAULT 'USD',
    UpdatedAt             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE IF NOT EXISTS Conversations
(
    ConversationId TEXT    NOT NULL PRIMARY KEY,
    ChatId         INTEGER NOT NULL,
    UserId         INTEGER NOT NULL,
    OrgId          TEXT    NULL,
    DatabaseId     TEXT    NULL,
    Question       TEXT    NOT NULL,
    Way            TEXT    NULL,
    Status         TEXT    NOT NULL,
    Answer         TEXT    NULL,
    Error          TEXT    NULL,
    StartedAt      TEXT    NOT NULL,
    CompletedAt    TEXT    NULL,
    InputTokens    INTEGER NOT NULL DEFAULT 0,
    OutputTokens   INTEGER NOT NULL DEFAULT 0,
    InputCost      TEXT    NOT NULL DEFAULT '0',
    OutputCost     TEXT    NOT NULL DEFAULT '0',
    TotalCost      TEXT    NOT NULL DEFAULT '0',
    DurationMs     INTEGER NULL
);

CREATE INDEX IF NOT EXISTS IX_Conversations_UserId_StartedAt ON Conversations (UserId, StartedAt);
CREATE INDEX IF NOT EXISTS IX_Conversations_OrgId_StartedAt ON Conversations (OrgId, StartedAt);
CREATE INDEX IF NOT EXISTS IX_Conversations_ChatId_StartedAt ON Conversations (ChatId, StartedAt);

-- A SQL repair round is an extra row with the same StageNumber and the next Sequence.
CREATE TABLE IF NOT EXISTS ConversationStages
(
    ConversationId TEXT    NOT NULL REFERENCES Conversations (ConversationId) ON DELETE CASCADE,
    Sequence       INTEGER NOT NULL,
    StageNumber    INTEGER NOT NULL CHECK (StageNumber BETWEEN 1 AND 3),
    StageName      TEXT    NOT NULL,
    Model          TEXT    NOT NULL,
    InputTokens    INTEGER NOT NULL DEFAULT 0,
    OutputTokens   INTEGER NOT NULL DEFAULT 0,
    InputCost      TEXT    NOT NULL DEFAULT '0',
    OutputCost     TEXT    NOT NULL DEFAULT '0',
    TotalCost      TEXT    NOT NULL DEFAULT '0',
    DurationMs     INTEGER NOT NULL DEFAULT 0,
    StartedAt      TEXT    NOT NULL,
    Succeeded      INTEGER NOT NULL CHECK (Succeeded IN (0, 1)),
    Error          TEXT    NULL,
    PRIMARY KEY (ConversationId, Sequence)
);

CREATE INDEX IF NOT EXISTS IX_ConversationStages_Model ON ConversationStages (Model);
CREATE INDEX IF NOT EXISTS IX_ConversationStages_StartedAt ON ConversationStages (StartedAt);

-- AUTOINCREMENT so ids are never reused after trimming: (ChatId, Id) order stays the turn order.
CREATE TABLE IF NOT EXISTS ConversationHistory
(
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ChatId         INTEGER NOT NULL,
    UserId         INTEGER NOT NULL,
    ConversationId TEXT    NULL,
    Question       TEXT    NOT NULL,
    Answer         TEXT    NOT NULL,
    Sql            TEXT    NULL,
    CreatedAt      TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_ConversationHistory_ChatId_Id ON ConversationHistory (ChatId, Id);

-- Details holds a JSON document as plain text.
CREATE TABLE IF NOT EXISTS ActivityLog
(
    Id         INTEGER PRIMARY KEY AUTOINCREMENT,
    OccurredAt TEXT    NOT NULL,
    UserId     INTEGER NULL,
    OrgId      TEXT    NULL,
    Source     TEXT    NOT NULL,
    EventType  TEXT    NOT NULL,
    TargetType TEXT    NULL,
    TargetId   TEXT    NULL,
    Details    TEXT    NULL
);

CREATE INDEX IF NOT EXISTS IX_ActivityLog_OrgId_OccurredAt ON ActivityLog (OrgId, OccurredAt);
CREATE INDEX IF NOT EXISTS IX_ActivityLog_UserId_OccurredAt ON ActivityLog (UserId, OccurredAt);
CREATE INDEX IF NOT EXISTS IX_ActivityLog_EventType ON ActivityLog (EventType);

INSERT OR IGNORE INTO ModelPricing (Model, InputPricePerMillion, OutputPricePerMillion, Currency) VALUES
    ('gemini-2.5-flash', '0.30', '2.50', 'USD'),
    ('gemini-2.0-flash', '0.10', '0.40', 'USD'),
    ('gemini-2.5-pro',   '1.25', '10.00', 'USD');
