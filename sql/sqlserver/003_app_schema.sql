-- Application tables, SQL Server. Same table and column names in the PostgreSQL and SQLite
-- scripts, so application SQL can be shared across dialects.
-- Every string column is nvarchar because SqlClient sends .NET strings as nvarchar: a varchar
-- column compared with an nvarchar parameter would be converted and lose its index seeks.

-- USD per one million tokens. Prices can be edited in place; the seed below never overwrites.
IF OBJECT_ID(N'dbo.ModelPricing', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ModelPricing
    (
        Model                 nvarchar(100)  NOT NULL CONSTRAINT PK_ModelPricing PRIMARY KEY,
        InputPricePerMillion  decimal(20,10) NOT NULL,
        OutputPricePerMillion decimal(20,10) NOT NULL,
        Currency              nvarchar(3)    NOT NULL CONSTRAINT DF_ModelPricing_Currency DEFAULT N'USD',
        UpdatedAt             datetime2(3)   NOT NULL CONSTRAINT DF_ModelPricing_UpdatedAt DEFAULT SYSUTCDATETIME()
    );
END;
GO

-- One row per question, written when it starts and completed when it ends; token and cost
-- totals are the sums of its stages.
IF OBJECT_ID(N'dbo.Conversations', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.Conversations
    (
        ConversationId nvarchar(64)   NOT NULL CONSTRAINT PK_Conversations PRIMARY KEY,
        ChatId         bigint         NOT NULL,
        UserId         bigint         NOT NULL,
        OrgId          nvarchar(64)   NULL,
        DatabaseId     nvarchar(64)   NULL,
        Question       nvarchar(max)  NOT NULL,
        Way            nvarchar(20)   NULL,
        Status         nvarchar(20)   NOT NULL,
        Answer         nvarchar(max)  NULL,
        Error          nvarchar(max)  NULL,
        StartedAt      datetime2(3)   NOT NULL,
        CompletedAt    datetime2(3)   NULL,
        InputTokens    int            NOT NULL CONSTRAINT DF_Conversations_InputTokens DEFAULT 0,
        OutputTokens   int            NOT NULL CONSTRAINT DF_Conversations_OutputTokens DEFAULT 0,
        InputCost      decimal(20,10) NOT NULL CONSTRAINT DF_Conversations_InputCost DEFAULT 0,
        OutputCost     decimal(20,10) NOT NULL CONSTRAINT DF_Conversations_OutputCost DEFAULT 0,
        TotalCost      decimal(20,10) NOT NULL CONSTRAINT DF_Conversations_TotalCost DEFAULT 0,
        DurationMs     int            NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.Conversations') AND name = N'IX_Conversations_UserId_StartedAt')
    CREATE INDEX IX_Conversations_UserId_StartedAt ON dbo.Conversations (UserId, StartedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.Conversations') AND name = N'IX_Conversations_OrgId_StartedAt')
    CREATE INDEX IX_Conversations_OrgId_StartedAt ON dbo.Conversations (OrgId, StartedAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.Conversations') AND name = N'IX_Conversations_ChatId_StartedAt')
    CREATE INDEX IX_Conversations_ChatId_StartedAt ON dbo.Conversations (ChatId, StartedAt);
GO

-- One row per model call. Sequence orders the calls of a conversation; a SQL repair round is an
-- extra row with the same StageNumber.
IF OBJECT_ID(N'dbo.ConversationStages', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ConversationStages
    (
        ConversationId nvarchar(64)   NOT NULL,
        Sequence       int            NOT NULL,
        StageNumber    int            NOT NULL,
        StageName      nvarchar(40)   NOT NULL,
        Model          nvarchar(100)  NOT NULL,
        InputTokens    int            NOT NULL CONSTRAINT DF_ConversationStages_InputTokens DEFAULT 0,
        OutputTokens   int            NOT NULL CONSTRAINT DF_ConversationStages_OutputTokens DEFAULT 0,
        InputCost      decimal(20,10) NOT NULL CONSTRAINT DF_ConversationStages_InputCost DEFAULT 0,
        OutputCost     decimal(20,10) NOT NULL CONSTRAINT DF_ConversationStages_OutputCost DEFAULT 0,
        TotalCost      decimal(20,10) NOT NULL CONSTRAINT DF_ConversationStages_TotalCost DEFAULT 0,
        DurationMs     int            NOT NULL CONSTRAINT DF_ConversationStages_DurationMs DEFAULT 0,
        StartedAt      datetime2(3)   NOT NULL,
        Succeeded      bit            NOT NULL,
        Error          nvarchar(max)  NULL,
        CONSTRAINT PK_ConversationStages PRIMARY KEY (ConversationId, Sequence),
        CONSTRAINT FK_ConversationStages_Conversations FOREIGN KEY (ConversationId)
            REFERENCES dbo.Conversations (ConversationId) ON DELETE CASCADE,
        CONSTRAINT CK_ConversationStages_StageNumber CHECK (StageNumber BETWEEN 1 AND 3)
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ConversationStages') AND name = N'IX_ConversationStages_Model')
    CREATE INDEX IX_ConversationStages_Model ON dbo.ConversationStages (Model);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ConversationStages') AND name = N'IX_ConversationStages_StartedAt')
    CREATE INDEX IX_ConversationStages_StartedAt ON dbo.ConversationStages (StartedAt);
GO

-- The per-chat memory the pipeline rebuilds its last turns from; the app trims it per chat.
-- Not tied to Conversations by a foreign key so trimming either never blocks the other.
IF OBJECT_ID(N'dbo.ConversationHistory', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ConversationHistory
    (
        Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ConversationHistory PRIMARY KEY,
        ChatId         bigint        NOT NULL,
        UserId         bigint        NOT NULL,
        ConversationId nvarchar(64)  NULL,
        Question       nvarchar(max) NOT NULL,
        Answer         nvarchar(max) NOT NULL,
        Sql            nvarchar(max) NULL,
        CreatedAt      datetime2(3)  NOT NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ConversationHistory') AND name = N'IX_ConversationHistory_ChatId_Id')
    CREATE INDEX IX_ConversationHistory_ChatId_Id ON dbo.ConversationHistory (ChatId, Id);
GO

-- Append-only audit trail. Details holds a JSON document as plain text so that all three
-- dialects store it the same way.
IF OBJECT_ID(N'dbo.ActivityLog', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ActivityLog
    (
        Id         bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ActivityLog PRIMARY KEY,
        OccurredAt datetime2(3)  NOT NULL,
        UserId     bigint        NULL,
        OrgId      nvarchar(64)  NULL,
        Source     nvarchar(20)  NOT NULL,
        EventType  nvarchar(64)  NOT NULL,
        TargetType nvarchar(40)  NULL,
        TargetId   nvarchar(128) NULL,
        Details    nvarchar(max) NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ActivityLog') AND name = N'IX_ActivityLog_OrgId_OccurredAt')
    CREATE INDEX IX_ActivityLog_OrgId_OccurredAt ON dbo.ActivityLog (OrgId, OccurredAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ActivityLog') AND name = N'IX_ActivityLog_UserId_OccurredAt')
    CREATE INDEX IX_ActivityLog_UserId_OccurredAt ON dbo.ActivityLog (UserId, OccurredAt);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ActivityLog') AND name = N'IX_ActivityLog_EventType')
    CREATE INDEX IX_ActivityLog_EventType ON dbo.ActivityLog (EventType);
GO

INSERT INTO dbo.ModelPricing (Model, InputPricePerMillion, OutputPricePerMillion, Currency)
SELECT s.Model, s.InputPricePerMillion, s.OutputPricePerMillion, N'USD'
  FROM (VALUES
        (N'gemini-2.5-flash', 0.30, 2.50),
        (N'gemini-2.0-flash', 0.10, 0.40),
        (N'gemini-2.5-pro',   1.25, 10.00)
       ) AS s (Model, InputPricePerMillion, OutputPricePerMillion)
 WHERE NOT EXISTS (SELECT 1 FROM dbo.ModelPricing p WHERE p.Model = s.Model);
GO
