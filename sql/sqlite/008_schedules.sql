-- Schema v8 of the application tables, SQLite: scheduled reports and alerts, their runs, and the
-- notices they leave for the owners' chats. Same table and column names as the server dialects.

-- One schedule or alert, written by its ScheduleGrain only. The rhythm is kept in its parts; the
-- webhook secret is kept protected (SecretProtector), never in clear.
CREATE TABLE IF NOT EXISTS Schedules
(
    ScheduleId           TEXT    NOT NULL PRIMARY KEY,
    OwnerUserId          INTEGER NOT NULL,
    OrgId                TEXT    NULL,
    DatabaseId           TEXT    NOT NULL,
    ChatId               INTEGER NOT NULL,
    SourceConversationId TEXT    NOT NULL,
    Title                TEXT    NOT NULL,
    Sql                  TEXT    NOT NULL,
    Kind                 TEXT    NOT NULL,
    RhythmKind           TEXT    NOT NULL,
    TimeOfDayMinutes     INTEGER NOT NULL,
    TimeZone             TEXT    NOT NULL,
    RhythmDay            INTEGER NULL,
    CronText             TEXT    NULL,
    AlertCondition       TEXT    NULL,
    AlertThreshold       TEXT    NULL,
    AlertCrossed         INTEGER NOT NULL DEFAULT 0,
    LastValue            TEXT    NULL,
    EmailTo              TEXT    NOT NULL DEFAULT '',
    WebhookUrl           TEXT    NULL,
    WebhookSecret        TEXT    NULL,
    Status               TEXT    NOT NULL,
    PauseReason          TEXT    NOT NULL,
    NextDueAt            TEXT    NULL,
    CreatedAt            TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_Schedules_Owner ON Schedules (OwnerUserId);
CREATE INDEX IF NOT EXISTS IX_Schedules_Org ON Schedules (OrgId);

-- One run per (schedule, due time): the id is derived from both, so a reminder that fires twice
-- finds its run claimed. A claim holds until LeaseUntil; a run left Running past it is taken over.
CREATE TABLE IF NOT EXISTS ScheduleRuns
(
    RunId          TEXT    NOT NULL PRIMARY KEY,
    ScheduleId     TEXT    NOT NULL,
    DueAt          TEXT    NOT NULL,
    Outcome        TEXT    NOT NULL,
    Attempts       INTEGER NOT NULL,
    StartedAt      TEXT    NOT NULL,
    FinishedAt     TEXT    NULL,
    LeaseUntil     TEXT    NOT NULL,
    ResultRows     INTEGER NULL,
    ConversationId TEXT    NULL,
    Error          TEXT    NULL
);

CREATE INDEX IF NOT EXISTS IX_ScheduleRuns_Schedule ON ScheduleRuns (ScheduleId, DueAt);

-- What a schedule tells a chat, handed out once: Taken flips from 0 to 1 for the one gateway that wins the row.
CREATE TABLE IF NOT EXISTS ScheduleNotices
(
    NoticeId   INTEGER PRIMARY KEY AUTOINCREMENT,
    ScheduleId TEXT    NOT NULL,
    RunId      TEXT    NULL,
    UserId     INTEGER NOT NULL,
    ChatId     INTEGER NOT NULL,
    Kind       TEXT    NOT NULL,
    Payload    TEXT    NOT NULL,
    CreatedAt  TEXT    NOT NULL,
    Taken      INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS IX_ScheduleNotices_Untaken ON ScheduleNotices (Taken, NoticeId);
-- One notice per run and kind: a run taken over after a crash cannot tell the chat twice.
CREATE UNIQUE INDEX IF NOT EXISTS UX_ScheduleNotices_Run ON ScheduleNotices (RunId, Kind);
