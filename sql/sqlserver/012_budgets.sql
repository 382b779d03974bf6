-- Schema v9 of the application tables, SQL Server: what budgets tell people, and the index the installation's daily
-- cap reads the ledger by. Same table and column names in the PostgreSQL and SQLite scripts.

-- A notice for one person's private chat, handed out once (Taken flips to 1 for one gateway).
-- OnceKey names the occasion ("near:<budget>:<month>:<scope>:<user>"): a second notice for it is refused by the index,
-- so a warning is told once per month even when two silos see the threshold crossed.
IF OBJECT_ID(N'dbo.BudgetNotices', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.BudgetNotices
    (
        NoticeId  bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_BudgetNotices PRIMARY KEY,
        UserId    bigint        NOT NULL,
        Kind      nvarchar(32)  NOT NULL,
        OnceKey   nvarchar(300) NOT NULL,
        Payload   nvarchar(max) NOT NULL,
        CreatedAt datetime2(3)  NOT NULL,
        Taken     bit           NOT NULL CONSTRAINT DF_BudgetNotices_Taken DEFAULT 0
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.BudgetNotices') AND name = N'UX_BudgetNotices_Once')
    CREATE UNIQUE INDEX UX_BudgetNotices_Once ON dbo.BudgetNotices (OnceKey);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.BudgetNotices') AND name = N'IX_BudgetNotices_Untaken')
    CREATE INDEX IX_BudgetNotices_Untaken ON dbo.BudgetNotices (Taken, NoticeId);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.Conversations') AND name = N'IX_Conversations_StartedAt')
    CREATE INDEX IX_Conversations_StartedAt ON dbo.Conversations (StartedAt);
