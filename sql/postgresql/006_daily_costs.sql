-- Schema v4 of the application tables, PostgreSQL: daily cost totals of organizations.
-- Same table and column names in the SQL Server and SQLite scripts.

-- The organization reports read these instead of every model call of the range. Day is 00:00 UTC of
-- the day the question STARTED: a question belongs to the range it started in, with all its calls.
-- Written in the ledger's transaction (DailyCostAggregates); questions outside any organization are
-- only ever reported per user, from the ledger rows, so they have no totals here.
CREATE TABLE IF NOT EXISTS DailyModelCosts
(
    OrgId        varchar(64)    NOT NULL,
    Day          timestamptz    NOT NULL,
    UserId       bigint         NOT NULL,
    Model        varchar(100)   NOT NULL,
    StageNumber  integer        NOT NULL,
    StageName    varchar(40)    NOT NULL,
    Calls        bigint         NOT NULL,
    InputTokens  bigint         NOT NULL,
    OutputTokens bigint         NOT NULL,
    InputCost    numeric(20,10) NOT NULL,
    OutputCost   numeric(20,10) NOT NULL,
    PRIMARY KEY (OrgId, Day, UserId, Model, StageNumber, StageName)
);

CREATE TABLE IF NOT EXISTS DailyQuestionCosts
(
    OrgId        varchar(64)    NOT NULL,
    Day          timestamptz    NOT NULL,
    UserId       bigint         NOT NULL,
    Questions    bigint         NOT NULL,
    InputTokens  bigint         NOT NULL,
    OutputTokens bigint         NOT NULL,
    InputCost    numeric(20,10) NOT NULL,
    OutputCost   numeric(20,10) NOT NULL,
    PRIMARY KEY (OrgId, Day, UserId)
);

-- Totals of the questions recorded before this script; when run again the tables are no longer empty.
INSERT INTO DailyModelCosts (OrgId, Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, Model, StageNumber, StageName,
       COUNT(*), SUM(InputTokens), SUM(OutputTokens), SUM(InputCost), SUM(OutputCost)
  FROM (SELECT c.OrgId, date_trunc('day', c.StartedAt AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, s.InputTokens, s.OutputTokens, s.InputCost, s.OutputCost
          FROM ConversationStages s
          JOIN Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL) AS calls
 WHERE NOT EXISTS (SELECT 1 FROM DailyModelCosts)
 GROUP BY OrgId, Day, UserId, Model, StageNumber, StageName;

INSERT INTO DailyQuestionCosts (OrgId, Day, UserId, Questions, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, COUNT(*), SUM(InputTokens), SUM(OutputTokens), SUM(InputCost), SUM(OutputCost)
  FROM (SELECT c.OrgId, date_trunc('day', c.StartedAt AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS Day, c.UserId,
               c.InputTokens, c.OutputTokens, c.InputCost, c.OutputCost
          FROM Conversations c
         WHERE c.OrgId IS NOT NULL) AS questions
 WHERE NOT EXISTS (SELECT 1 FROM DailyQuestionCosts)
 GROUP BY OrgId, Day, UserId;
