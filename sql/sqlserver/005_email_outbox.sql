-- Schema v3 of the application tables, SQL Server: the e-mail outbox.
-- Same table and column names in the PostgreSQL and SQLite scripts.

-- One row per drafted e-mail. Sending is a conditional update of Status, so a double click, a second
-- silo or a restart never sends one e-mail twice; the row also carries the retry schedule.
IF OBJECT_ID(N'dbo.EmailOutbox', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.EmailOutbox
    (
        Id            nvarchar(64)  NOT NULL CONSTRAINT PK_EmailOutbox PRIMARY KEY,
        UserId        bigint        NOT NULL,
        ChatId        bigint        NOT NULL,
        Recipients    nvarchar(max) NOT NULL,
        Subject       nvarchar(max) NOT NULL,
        Body          nvarchar(max) NOT NULL,
        Status        nvarchar(20)  NOT NULL,
        Attempts      int           NOT NULL CONSTRAINT DF_EmailOutbox_Attempts DEFAULT 0,
        NextAttemptAt datetime2(3)  NOT NULL,
        LastError     nvarchar(max) NULL,
        LeaseUntil    datetime2(3)  NULL,
        CreatedAt     datetime2(3)  NOT NULL,
        QueuedAt      datetime2(3)  NULL,
        SentAt        datetime2(3)  NULL,
        Notified      bit           NOT NULL CONSTRAINT DF_EmailOutbox_Notified DEFAULT 0
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.EmailOutbox') AND name = N'IX_EmailOutbox_Status_NextAttemptAt')
    CREATE INDEX IX_EmailOutbox_Status_NextAttemptAt ON dbo.EmailOutbox (Status, NextAttemptAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.EmailOutbox') AND name = N'IX_EmailOutbox_UserId_QueuedAt')
    CREATE INDEX IX_EmailOutbox_UserId_QueuedAt ON dbo.EmailOutbox (UserId, QueuedAt);
GO
