-- Schema v2 of the application tables, SQLite: dated model prices and conversation turns.
-- Same table and column names as the server dialects; times and money are TEXT as in 001.

-- USD per one million tokens, one row per price change: a conversation is priced with the row in
-- force when it started, so a new price never rewrites past costs. ModelPricing stays as it was.
CREATE TABLE IF NOT EXISTS ModelPrices
(
    Model                 TEXT NOT NULL,
    EffectiveFrom         TEXT NOT NULL,
    InputPricePerMillion  TEXT NOT NULL,
    OutputPricePerMillion TEXT NOT NULL,
    Currency              TEXT NOT NULL DEFAULT 'USD',
    PRIMARY KEY (Model, EffectiveFrom)
);

-- Today's prices have applied "since forever" until a dated change says otherwise. The time is
-- written exactly as the app writes times, because SQLite compares them as text.
INSERT OR IGNORE INTO ModelPrices (Model, EffectiveFrom, InputPricePerMillion, OutputPricePerMillion, Currency)
SELECT Model, '2000-01-01T00:00:00.000Z', InputPricePerMillion, OutputPricePerMillion, Currency
  FROM ModelPricing;

-- The per-chat memory, superseding ConversationHistory: it adds the rows a query returned, how the
-- question was answered and when /clear hid the turn from the model. A new table rather than new
-- columns because SQLite cannot add a column only when it is missing, and every script must be
-- harmless when run again. ConversationHistory is no longer written.
-- AUTOINCREMENT so ids are never reused after trimming: (ChatId, Id) order stays the turn order.
CREATE TABLE IF NOT EXISTS ConversationTurns
(
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ChatId         INTEGER NOT NULL,
    UserId         INTEGER NOT NULL,
    ConversationId TEXT    NULL,
    Question       TEXT    NOT NULL,
    Answer         TEXT    NOT NULL,
    Sql            TEXT    NULL,
    ResultRows     INTEGER NULL,
    Way            TEXT    NULL,
    CreatedAt      TEXT    NOT NULL,
    ClearedAt      TEXT    NULL
);

CREATE INDEX IF NOT EXISTS IX_ConversationTurns_ChatId_Id ON ConversationTurns (ChatId, Id);
CREATE INDEX IF NOT EXISTS IX_ConversationTurns_UserId_Id ON ConversationTurns (UserId, Id);

-- Carry v1 history over once, in turn order; after that the table is never empty again.
INSERT INTO ConversationTurns (ChatId, UserId, ConversationId, Question, Answer, Sql, CreatedAt)
SELECT h.ChatId, h.UserId, h.ConversationId, h.Question, h.Answer, h.Sql, h.CreatedAt
  FROM ConversationHistory h
 WHERE NOT EXISTS (SELECT 1 FROM ConversationTurns)
 ORDER BY h.Id;
