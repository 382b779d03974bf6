-- Application tables, PostgreSQL. Same table and column names in the SQL Server and SQLite
-- scripts, so application SQL can be shared across dialects.

-- USD per one million tokens. Prices can be edited in place; the seed below never overwrites.
CREATE TABLE IF NOT EXISTS ModelPricing
(
    Model                 varchar(100)   NOT NULL PRIMARY KEY,
    InputPricePerMillion  numeric(20,10) NOT NULL,
    OutputPricePerMillion numeric(20,10) NOT NULL,
    Currency              varchar(3)     NOT NULL DEFAULT 'USD',
    UpdatedAt             timestamptz    NOT NULL DEFAULT now()
);

-- One row per question, written when it starts and completed when it ends; token and cost
-- totals are the sums of its stages.
CREATE TABLE IF NOT EXISTS Conversations
(
    ConversationId varchar(64)    NOT NULL PRIMARY KEY,
    ChatId         bigint         NOT NULL,
    UserId         bigint         NOT NULL,
    OrgId          varchar(64)    NULL,
    DatabaseId     varchar(64)    NULL,
    Question       text           NOT NULL,
    Way            varchar(20)    NULL,
    Status         varchar(20)    NOT NULL,
    Answer         text           NULL,
    Error          text           NULL,
    StartedAt      timestamptz    NOT NULL,
    CompletedAt    timestamptz    NULL,
    InputTokens    integer        NOT NULL DEFAULT 0,
    OutputTokens   integer        NOT NULL DEFAULT 0,
    InputCost      numeric(20,10) NOT NULL DEFAULT 0,
    OutputCost     numeric(20,10) NOT NULL DEFAULT 0,
    TotalCost      numeric(20,10) NOT NULL DEFAULT 0,
    DurationMs     integer        NULL
);

CREATE INDEX IF NOT EXISTS IX_Conversations_UserId_StartedAt ON Conversations (UserId, StartedAt);
CREATE INDEX IF NOT EXISTS IX_Conversations_OrgId_StartedAt ON Conversations (OrgId, StartedAt);
CREATE INDEX IF NOT EXISTS IX_Conversations_ChatId_StartedAt ON Conversations (ChatId, StartedAt);

-- One row per model call. Sequence orders the calls of a conversation; a SQL repair round is an
-- extra row with the same StageNumber.
CREATE TABLE IF NOT EXISTS ConversationStages
(
    ConversationId varchar(64)    NOT NULL REFERENCES Conversations (ConversationId) ON DELETE CASCADE,
    Sequence       integer        NOT NULL,
    StageNumber    integer        NOT NULL CHECK (StageNumber BETWEEN 1 AND 3),
    StageName      varchar(40)    NOT NULL,
    Model          varchar(100)   NOT NULL,
    InputTokens    integer        NOT NULL DEFAULT 0,
    OutputTokens   integer        NOT NULL DEFAULT 0,
    InputCost      numeric(20,10) NOT NULL DEFAULT 0,
    OutputCost     numeric(20,10) NOT NULL DEFAULT 0,
    TotalCost      numeric(20,10) NOT NULL DEFAULT 0,
    DurationMs     integer        NOT NULL DEFAULT 0,
    StartedAt      timestamptz    NOT NULL,
    Succeeded      boolean        NOT NULL,
    Error          text           NULL,
    PRIMARY KEY (ConversationId, Sequence)
);

CREATE INDEX IF NOT EXISTS IX_ConversationStages_Model ON ConversationStages (Model);
CREATE INDEX IF NOT EXISTS IX_ConversationStages_StartedAt ON ConversationStages (StartedAt);

-- The per-chat memory the pipeline rebuilds its last turns from; the app trims it per chat.
-- Not tied to Conversations by a foreign key so trimming either never blocks the other.
CREATE TABLE IF NOT EXISTS ConversationHistory
(
    Id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ChatId         bigint      NOT NULL,
    UserId         bigint      NOT NULL,
    ConversationId varchar(64) NULL,
    Question       text        NOT NULL,
    Answer         text        NOT NULL,
    Sql            text        NULL,
    CreatedAt      timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_ConversationHistory_ChatId_Id ON ConversationHistory (ChatId, Id);

-- Append-only audit trail. Details holds a JSON document as plain text so that all three
-- dialects store it the same way.
CREATE TABLE IF NOT EXISTS ActivityLog
(
    Id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    OccurredAt timestamptz  NOT NULL,
    UserId     bigint       NULL,
    OrgId      varchar(64)  NULL,
    Source     varchar(20)  NOT NULL,
    EventType  varchar(64)  NOT NULL,
    TargetType varchar(40)  NULL,
    TargetId   varchar(128) NULL,
    Details    text         NULL
);

CREATE INDEX IF NOT EXISTS IX_ActivityLog_OrgId_OccurredAt ON ActivityLog (OrgId, OccurredAt);
CREATE INDEX IF NOT EXISTS IX_ActivityLog_UserId_OccurredAt ON ActivityLog (UserId, OccurredAt);
CREATE INDEX IF NOT EXISTS IX_ActivityLog_EventType ON ActivityLog (EventType);

INSERT INTO ModelPricing (Model, InputPricePerMillion, OutputPricePerMillion, Currency) VALUES
    ('gemini-2.5-flash', 0.30, 2.50, 'USD'),
    ('gemini-2.0-flash', 0.10, 0.40, 'USD'),
    ('gemini-2.5-pro',   1.25, 10.00, 'USD')
ON CONFLICT (Model) DO NOTHING;
