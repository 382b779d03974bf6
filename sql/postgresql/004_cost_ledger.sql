-- Schema v2 of the application tables, PostgreSQL: dated model prices and conversation turns.
-- Same table and column names in the SQL Server and SQLite scripts.

-- USD per one million tokens, one row per price change: a conversation is priced with the row in
-- force when it started, so a new price never rewrites past costs. ModelPricing stays as it was.
CREATE TABLE IF NOT EXISTS ModelPrices
(
    Model                 varchar(100)   NOT NULL,
    EffectiveFrom         timestamptz    NOT NULL,
    InputPricePerMillion  numeric(20,10) NOT NULL,
    OutputPricePerMillion numeric(20,10) NOT NULL,
    Currency              varchar(3)     NOT NULL DEFAULT 'USD',
    PRIMARY KEY (Model, EffectiveFrom)
);

-- Today's prices have applied "since forever" until a dated change says otherwise.
INSERT INTO ModelPrices (Model, EffectiveFrom, InputPricePerMillion, OutputPricePerMillion, Currency)
SELECT Model, TIMESTAMPTZ '2000-01-01 00:00:00+00', InputPricePerMillion, OutputPricePerMillion, Currency
  FROM ModelPricing
ON CONFLICT (Model, EffectiveFrom) DO NOTHING;

-- The per-chat memory, superseding ConversationHistory: it adds the rows a query returned, how the
-- question was answered and when /clear hid the turn from the model. A new table rather than new
-- columns because SQLite cannot add a column only when it is missing, and every script must be
-- harmless when run again; the dialects keep one shape. ConversationHistory is no longer written.
CREATE TABLE IF NOT EXISTS ConversationTurns
(
    Id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ChatId         bigint      NOT NULL,
    UserId         bigint      NOT NULL,
    ConversationId varchar(64) NULL,
    Question       text        NOT NULL,
    Answer         text        NOT NULL,
    Sql            text        NULL,
    ResultRows     integer     NULL,
    Way            varchar(20) NULL,
    CreatedAt      timestamptz NOT NULL,
    ClearedAt      timestamptz NULL
);

CREATE INDEX IF NOT EXISTS IX_ConversationTurns_ChatId_Id ON ConversationTurns (ChatId, Id);
CREATE INDEX IF NOT EXISTS IX_ConversationTurns_UserId_Id ON ConversationTurns (UserId, Id);

-- Carry v1 history over once, in turn order; after that the table is never empty again.
INSERT INTO ConversationTurns (ChatId, UserId, ConversationId, Question, Answer, Sql, CreatedAt)
SELECT h.ChatId, h.UserId, h.ConversationId, h.Question, h.Answer, h.Sql, h.CreatedAt
  FROM ConversationHistory h
 WHERE NOT EXISTS (SELECT 1 FROM ConversationTurns)
 ORDER BY h.Id;
