-- Schema v7 of the application tables, SQL Server: feedback on answers, the verified question→SQL
-- library of each database, its glossary, which answers came from the library, and the SQL of failed questions.
-- Same table and column names in the PostgreSQL and SQLite scripts.

-- A database's reviewed examples. Rows rather than grain state: the dashboard lists them beside the
-- questions they came from, and a library of thousands changes one row per edit.
IF OBJECT_ID(N'dbo.VerifiedExamples', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.VerifiedExamples
    (
        Id                   bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_VerifiedExamples PRIMARY KEY,
        DatabaseId           nvarchar(64)  NOT NULL,
        Question             nvarchar(max) NOT NULL,
        Sql                  nvarchar(max) NOT NULL,
        Notes                nvarchar(max) NULL,
        VerifiedBy           bigint        NOT NULL,
        VerifiedByName       nvarchar(200) NOT NULL,
        VerifiedAt           datetime2(3)  NOT NULL,
        SourceConversationId nvarchar(64)  NULL,
        BrokenAt             datetime2(3)  NULL,
        BrokenReason         nvarchar(max) NULL,
        Embedding            nvarchar(max) NULL,
        EmbeddingModel       nvarchar(200) NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.VerifiedExamples') AND name = N'IX_VerifiedExamples_DatabaseId')
    CREATE INDEX IX_VerifiedExamples_DatabaseId ON dbo.VerifiedExamples (DatabaseId);
-- Which answers became examples: the dashboard's review list and the bot's verify offer ask by answer.
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.VerifiedExamples') AND name = N'IX_VerifiedExamples_SourceConversationId')
    CREATE INDEX IX_VerifiedExamples_SourceConversationId ON dbo.VerifiedExamples (SourceConversationId);
GO

-- Owner-written business terms of a database, put into stage 1's prompt.
IF OBJECT_ID(N'dbo.GlossaryEntries', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.GlossaryEntries
    (
        DatabaseId nvarchar(64)  NOT NULL,
        Term       nvarchar(200) NOT NULL,
        Meaning    nvarchar(max) NOT NULL,
        UpdatedBy  bigint        NOT NULL,
        UpdatedAt  datetime2(3)  NOT NULL,
        CONSTRAINT PK_GlossaryEntries PRIMARY KEY (DatabaseId, Term)
    );
END;
GO

-- The asker's 👍 (1) or 👎 (-1) on one answer, changeable; a 👎's reason arrives as a reply to the
-- bot's prompt message, found again by (ChatId, ReasonPromptMessageId).
IF OBJECT_ID(N'dbo.AnswerFeedback', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.AnswerFeedback
    (
        ConversationId        nvarchar(64)  NOT NULL CONSTRAINT PK_AnswerFeedback PRIMARY KEY,
        UserId                bigint        NOT NULL,
        Verdict               smallint      NOT NULL,
        Reason                nvarchar(max) NULL,
        ChatId                bigint        NULL,
        ReasonPromptMessageId bigint        NULL,
        UpdatedAt             datetime2(3)  NOT NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.AnswerFeedback') AND name = N'IX_AnswerFeedback_Prompt')
    CREATE INDEX IX_AnswerFeedback_Prompt ON dbo.AnswerFeedback (ChatId, ReasonPromptMessageId);
GO

-- Answers that ran a verified example's SQL instead of asking stage 1, with the tokens that saved.
IF OBJECT_ID(N'dbo.VerifiedAnswers', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.VerifiedAnswers
    (
        ConversationId nvarchar(64) NOT NULL CONSTRAINT PK_VerifiedAnswers PRIMARY KEY,
        ExampleId      bigint       NOT NULL,
        Mode           nvarchar(20) NOT NULL,
        TokensSaved    int          NOT NULL
    );
END;
GO

-- The SQL of a question that did not end in an answer (the guard refused it, or the database failed it),
-- kept so a curator can review and mend it; answered questions keep theirs in ConversationTurns.
IF OBJECT_ID(N'dbo.FailedQueries', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.FailedQueries
    (
        ConversationId nvarchar(64)  NOT NULL CONSTRAINT PK_FailedQueries PRIMARY KEY,
        Sql            nvarchar(max) NOT NULL
    );
END;
GO
