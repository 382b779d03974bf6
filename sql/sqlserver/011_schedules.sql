-- Schema v8 of the application tables, SQL Server: scheduled reports and alerts, their runs, and the
-- notices they leave for the owners' chats. Same table and column names in the PostgreSQL and SQLite scripts.

-- One schedule or alert, written by its ScheduleGrain only. The rhythm is kept in its parts; the
-- webhook secret is kept protected (SecretProtector), never in clear.
IF OBJECT_ID(N'dbo.Schedules', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.Schedules
    (
        ScheduleId           nvarchar(64)   NOT NULL CONSTRAINT PK_Schedules PRIMARY KEY,
        OwnerUserId          bigint         NOT NULL,
        OrgId                nvarchar(64)   NULL,
        DatabaseId           nvarchar(64)   NOT NULL,
        ChatId               bigint         NOT NULL,
        SourceConversationId nvarchar(64)   NOT NULL,
        Title                nvarchar(max)  NOT NULL,
        Sql                  nvarchar(max)  NOT NULL,
        Kind                 nvarchar(16)   NOT NULL,
        RhythmKind           nvarchar(16)   NOT NULL,
        TimeOfDayMinutes     int            NOT NULL,
        TimeZone             nvarchar(100)  NOT NULL,
        RhythmDay            int            NULL,
        CronText             nvarchar(200)  NULL,
        AlertCondition       nvarchar(16)   NULL,
        AlertThreshold       decimal(38,10) NULL,
        AlertCrossed         bit            NOT NULL CONSTRAINT DF_Schedules_AlertCrossed DEFAULT 0,
        LastValue            decimal(38,10) NULL,
        EmailTo              nvarchar(max)  NOT NULL CONSTRAINT DF_Schedules_EmailTo DEFAULT N'',
        WebhookUrl           nvarchar(max)  NULL,
        WebhookSecret        nvarchar(max)  NULL,
        Status               nvarchar(16)   NOT NULL,
        PauseReason          nvarchar(32)   NOT NULL,
        NextDueAt            datetime2(3)   NULL,
        CreatedAt            datetime2(3)   NOT NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Schedules') AND name = N'IX_Schedules_Owner')
    CREATE INDEX IX_Schedules_Owner ON dbo.Schedules (OwnerUserId);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Schedules') AND name = N'IX_Schedules_Org')
    CREATE INDEX IX_Schedules_Org ON dbo.Schedules (OrgId);
GO

-- One run per (schedule, due time): the id is derived from both, so a reminder that fires twice
-- finds its run claimed. A claim holds until LeaseUntil; a run left Running past it is taken over.
IF OBJECT_ID(N'dbo.ScheduleRuns', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ScheduleRuns
    (
        RunId          nvarchar(100) NOT NULL CONSTRAINT PK_ScheduleRuns PRIMARY KEY,
        ScheduleId     nvarchar(64)  NOT NULL,
        DueAt          datetime2(3)  NOT NULL,
        Outcome        nvarchar(16)  NOT NULL,
        Attempts       int           NOT NULL,
        StartedAt      datetime2(3)  NOT NULL,
        FinishedAt     datetime2(3)  NULL,
        LeaseUntil     datetime2(3)  NOT NULL,
        ResultRows     int           NULL,
        ConversationId nvarchar(64)  NULL,
        Error          nvarchar(max) NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.ScheduleRuns') AND name = N'IX_ScheduleRuns_Schedule')
    CREATE INDEX IX_ScheduleRuns_Schedule ON dbo.ScheduleRuns (ScheduleId, DueAt);
GO

-- What a schedule tells a chat, handed out once: Taken flips from 0 to 1 for the one gateway that wins the row.
IF OBJECT_ID(N'dbo.ScheduleNotices', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ScheduleNotices
    (
        NoticeId   bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ScheduleNotices PRIMARY KEY,
        ScheduleId nvarchar(64)  NOT NULL,
        RunId      nvarchar(100) NULL,
        UserId     bigint        NOT NULL,
        ChatId     bigint        NOT NULL,
        Kind       nvarchar(16)  NOT NULL,
        Payload    nvarchar(max) NOT NULL,
        CreatedAt  datetime2(3)  NOT NULL,
        Taken      bit           NOT NULL CONSTRAINT DF_ScheduleNotices_Taken DEFAULT 0
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.ScheduleNotices') AND name = N'IX_ScheduleNotices_Untaken')
    CREATE INDEX IX_ScheduleNotices_Untaken ON dbo.ScheduleNotices (Taken, NoticeId);
-- One notice per run and kind: a run taken over after a crash cannot tell the chat twice. Filtered, because
-- SQL Server counts NULLs as equal in a unique index and notices without a run may repeat.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.ScheduleNotices') AND name = N'UX_ScheduleNotices_Run')
    CREATE UNIQUE INDEX UX_ScheduleNotices_Run ON dbo.ScheduleNotices (RunId, Kind) WHERE RunId IS NOT NULL;
GO
