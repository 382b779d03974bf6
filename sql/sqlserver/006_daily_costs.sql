-- Schema v4 of the application tables, SQL Server: daily cost totals of organizations.
-- Same table and column names in the PostgreSQL and SQLite scripts.

-- The organization reports read these instead of every model call of the range. Day is 00:00 UTC of
-- the day the question STARTED: a question belongs to the range it started in, with all its calls.
-- Written in the ledger's transaction (DailyCostAggregates); questions outside any organization are
-- only ever reported per user, from the ledger rows, so they have no totals here.
IF OBJECT_ID(N'dbo.DailyModelCosts', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.DailyModelCosts
    (
        OrgId        nvarchar(64)   NOT NULL,
        Day          datetime2(3)   NOT NULL,
        UserId       bigint         NOT NULL,
        Model        nvarchar(100)  NOT NULL,
        StageNumber  int            NOT NULL,
        StageName    nvarchar(40)   NOT NULL,
        Calls        bigint         NOT NULL,
        InputTokens  bigint         NOT NULL,
        OutputTokens bigint         NOT NULL,
        InputCost    decimal(20,10) NOT NULL,
        OutputCost   decimal(20,10) NOT NULL,
        CONSTRAINT PK_DailyModelCosts PRIMARY KEY (OrgId, Day, UserId, Model, StageNumber, StageName)
    );
END;
GO

IF OBJECT_ID(N'dbo.DailyQuestionCosts', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.DailyQuestionCosts
    (
        OrgId        nvarchar(64)   NOT NULL,
        Day          datetime2(3)   NOT NULL,
        UserId       bigint         NOT NULL,
        Questions    bigint         NOT NULL,
        InputTokens  bigint         NOT NULL,
        OutputTokens bigint         NOT NULL,
        InputCost    decimal(20,10) NOT NULL,
        OutputCost   decimal(20,10) NOT NULL,
        CONSTRAINT PK_DailyQuestionCosts PRIMARY KEY (OrgId, Day, UserId)
    );
END;
GO

-- Totals of the questions recorded before this script; when run again the tables are no longer empty.
-- The times are stored in UTC, so the date part is the UTC day.
INSERT INTO dbo.DailyModelCosts (OrgId, Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, Model, StageNumber, StageName,
       COUNT(*), SUM(CAST(InputTokens AS bigint)), SUM(CAST(OutputTokens AS bigint)), SUM(InputCost), SUM(OutputCost)
  FROM (SELECT c.OrgId, CAST(CAST(c.StartedAt AS date) AS datetime2(3)) AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, s.InputTokens, s.OutputTokens, s.InputCost, s.OutputCost
          FROM dbo.ConversationStages s
          JOIN dbo.Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL) AS calls
 WHERE NOT EXISTS (SELECT 1 FROM dbo.DailyModelCosts)
 GROUP BY OrgId, Day, UserId, Model, StageNumber, StageName;
GO

INSERT INTO dbo.DailyQuestionCosts (OrgId, Day, UserId, Questions, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, COUNT(*), SUM(CAST(InputTokens AS bigint)), SUM(CAST(OutputTokens AS bigint)), SUM(InputCost), SUM(OutputCost)
  FROM (SELECT c.OrgId, CAST(CAST(c.StartedAt AS date) AS datetime2(3)) AS Day, c.UserId,
               c.InputTokens, c.OutputTokens, c.InputCost, c.OutputCost
          FROM dbo.Conversations c
         WHERE c.OrgId IS NOT NULL) AS questions
 WHERE NOT EXISTS (SELECT 1 FROM dbo.DailyQuestionCosts)
 GROUP BY OrgId, Day, UserId;
GO
