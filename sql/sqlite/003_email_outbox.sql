-- Schema v3 of the application tables, SQLite: the e-mail outbox.
-- Same table and column names as the server dialects; times are ISO-8601 TEXT as in 001.

-- One row per drafted e-mail. Sending is a conditional update of Status, so a double click or a
-- restart never sends one e-mail twice; the row also carries the retry schedule.
CREATE TABLE IF NOT EXISTS EmailOutbox
(
    Id            TEXT    NOT NULL PRIMARY KEY,
    UserId        INTEGER NOT NULL,
    ChatId        INTEGER NOT NULL,
    Recipients    TEXT    NOT NULL,
    Subject       TEXT    NOT NULL,
    Body          TEXT    NOT NULL,
    Status        TEXT    NOT NULL,
    Attempts      INTEGER NOT NULL DEFAULT 0,
    NextAttemptAt TEXT    NOT NULL,
    LastError     TEXT    NULL,
    LeaseUntil    TEXT    NULL,
    CreatedAt     TEXT    NOT NULL,
    QueuedAt      TEXT    NULL,
    SentAt        TEXT    NULL,
    Notified      INTEGER NOT NULL DEFAULT 0 CHECK (Notified IN (0, 1))
);

CREATE INDEX IF NOT EXISTS IX_EmailOutbox_Status_NextAttemptAt ON EmailOutbox (Status, NextAttemptAt);
CREATE INDEX IF NOT EXISTS IX_EmailOutbox_UserId_QueuedAt ON EmailOutbox (UserId, QueuedAt);
