-- Schema v3 of the application tables, PostgreSQL: the e-mail outbox.
-- Same table and column names in the SQL Server and SQLite scripts.

-- One row per drafted e-mail. Sending is a conditional update of Status, so a double click, a second
-- silo or a restart never sends one e-mail twice; the row also carries the retry schedule.
CREATE TABLE IF NOT EXISTS EmailOutbox
(
    Id            varchar(64) NOT NULL PRIMARY KEY,
    UserId        bigint      NOT NULL,
    ChatId        bigint      NOT NULL,
    Recipients    text        NOT NULL,
    Subject       text        NOT NULL,
    Body          text        NOT NULL,
    Status        varchar(20) NOT NULL,
    Attempts      integer     NOT NULL DEFAULT 0,
    NextAttemptAt timestamptz NOT NULL,
    LastError     text        NULL,
    LeaseUntil    timestamptz NULL,
    CreatedAt     timestamptz NOT NULL,
    QueuedAt      timestamptz NULL,
    SentAt        timestamptz NULL,
    Notified      boolean     NOT NULL DEFAULT false
);

CREATE INDEX IF NOT EXISTS IX_EmailOutbox_Status_NextAttemptAt ON EmailOutbox (Status, NextAttemptAt);
CREATE INDEX IF NOT EXISTS IX_EmailOutbox_UserId_QueuedAt ON EmailOutbox (UserId, QueuedAt);
